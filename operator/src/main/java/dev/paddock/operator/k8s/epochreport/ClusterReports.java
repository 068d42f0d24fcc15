package dev.paddock.operator.k8s.epochreport;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialStatus;
import dev.paddock.operator.epochreport.EpochReport;
import dev.paddock.operator.epochreport.ReportAnswer;
import dev.paddock.operator.epochreport.ReportListener;
import dev.paddock.operator.epochreport.TrialRef;
import dev.paddock.operator.k8s.StudyTrials;
import dev.paddock.operator.k8s.TrialCache;
import dev.paddock.operator.pruning.Decision;
import dev.paddock.operator.pruning.Pruner;
import dev.paddock.operator.search.CurvePoint;
import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.search.TrialState;
import dev.paddock.operator.study.ProgressStatus;
import dev.paddock.operator.study.StudyDefinition;
import dev.paddock.operator.study.StudyDefinitions;
import dev.paddock.operator.study.TrialProgress;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports of trials running in the cluster. Each epoch is kept in memory for its trial and answered
 * with the pruner's decision over the trials of the same study and run (read from the {@link
 * TrialCache}) (their statuses' curves and the in-memory progress of the running ones); a trial
 * annotated {@code paddock.dev/stop} (goal reached, study suspended) is told to stop. A token
 * issued for another Trial object of the same name is refused, and so is a trial that has ended.
 * Status writes are coalesced by {@link ProgressWrites}. After an operator restart the trainers
 * re-send what was not acknowledged.
 */
public final class ClusterReports implements ReportListener {

  public static final String STOP_ANNOTATION = "paddock.dev/stop";

  private final KubernetesClient client;
  private final TrialCache trials;
  private final Map<TrialRef, Tracked> running = new ConcurrentHashMap<>();
  private final StudyDefinitionCache definitions = new StudyDefinitionCache(System::nanoTime);

  public ClusterReports(KubernetesClient client, TrialCache trials) {
    this.client = client;
    this.trials = trials;
  }

  @Override
  public ReportAnswer onEpoch(EpochReport report) {
    Trial trial = reporting(report);
    // A trial that has ended keeps the status its Job gave it, and what it reports late counts
    // for nothing: neither its own progress nor the pruning of the others.
    if (trial.getStatus() != null
        && StudyTrials.state(trial.getStatus().phase()) != TrialState.RUNNING) {
      running.remove(report.trial());
      throw new TrialEndedException(report.trial());
    }
    // The study is read once per running trial, not on every epoch, and from the API server at
    // most once per study every StudyDefinitionCache.TTL.
    Tracked tracked =
        running.computeIfAbsent(report.trial(), k -> new Tracked(definitionOf(trial, k)));
    StudyDefinition definition = tracked.definition;
    synchronized (tracked) {
      tracked.progress.record(report.epoch(), report.metrics());
      String stop =
          trial.getMetadata().getAnnotations() == null
              ? null
              : trial.getMetadata().getAnnotations().get(STOP_ANNOTATION);
      Decision decision =
          stop != null
              ? Decision.stop(stop)
              : Pruner.decide(
                  definition.earlyStopping(),
                  definition.objective(),
                  observation(trial, tracked),
                  // every trial of the run: built only when a rule compares with them
                  () -> others(trial),
                  definition.epochs());
      if (decision.shouldStop()
          || ProgressWrites.due(tracked.written, report.epoch(), definition.epochs())) {
        write(trial, tracked, definition, decision);
      }
      return decision.shouldStop()
          ? ReportAnswer.stop(decision.reason())
          : ReportAnswer.proceed(decision.reason());
    }
  }

  /**
   * The Trial the report's token was issued for: from the cache, or read from the API server when
   * the cache does not have it yet (created a moment ago) or has an older object of the same name.
   */
  private Trial reporting(EpochReport report) {
    Trial cached = trials.get(report.trial()).orElse(null);
    Trial trial = cached != null && uidOf(cached).equals(report.trialUid()) ? cached : read(report);
    if (trial == null) {
      throw new UnknownTrialException(report.trial());
    }
    if (!uidOf(trial).equals(report.trialUid())) {
      throw new NotThisTrialException(report.trial());
    }
    return trial;
  }

  private Trial read(EpochReport report) {
    return client
        .resources(Trial.class)
        .inNamespace(report.trial().namespace())
        .withName(report.trial().name())
        .get();
  }

  private static String uidOf(Trial trial) {
    return String.valueOf(trial.getMetadata().getUid());
  }

  private StudyDefinition definitionOf(Trial trial, TrialRef ref) {
    String studyUid =
        trial.getMetadata().getOwnerReferences() == null
            ? ""
            : trial.getMetadata().getOwnerReferences().stream()
                .filter(o -> "TrainingStudy".equals(o.getKind()))
                .map(o -> String.valueOf(o.getUid()))
                .findFirst()
                .orElse("");
    definitions.expire();
    return definitions.get(
        trial.getMetadata().getNamespace(),
        trial.getSpec().study(),
        studyUid,
        () -> readDefinition(trial, ref));
  }

  private StudyDefinition readDefinition(Trial trial, TrialRef ref) {
    TrainingStudy study =
        client
            .resources(TrainingStudy.class)
            .inNamespace(trial.getMetadata().getNamespace())
            .withName(trial.getSpec().study())
            .get();
    if (study == null) {
      throw new UnknownTrialException(ref);
    }
    return StudyDefinitions.from(study.getMetadata().getName(), study.getSpec());
  }

  /** Forgets a trial that has ended, so memory stays bounded by the running trials. */
  public void forget(TrialRef trial) {
    running.remove(trial);
  }

  private TrialObservation observation(Trial trial, Tracked tracked) {
    TrialObservation base = StudyTrials.of(trial).observation();
    return new TrialObservation(
        base.index(), base.parameters(), base.state(), null, tracked.progress.curve());
  }

  private List<TrialObservation> others(Trial trial) {
    List<TrialObservation> others = new ArrayList<>();
    for (Trial t : trials.sameRun(trial)) {
      if (t.getMetadata().getName().equals(trial.getMetadata().getName())) {
        continue;
      }
      Tracked live =
          running.get(new TrialRef(t.getMetadata().getNamespace(), t.getMetadata().getName()));
      TrialObservation base = StudyTrials.of(t).observation();
      List<CurvePoint> curve = live != null ? live.progress.curve() : base.curve();
      others.add(
          new TrialObservation(
              base.index(), base.parameters(), base.state(), base.objective(), curve));
    }
    return others;
  }

  private void write(Trial trial, Tracked tracked, StudyDefinition definition, Decision decision) {
    List<String> kept = new ArrayList<>(definition.metrics());
    kept.add(0, definition.objective().metric());
    double[] objective =
        tracked
            .progress
            .summaries(List.of(definition.objective().metric()))
            .get(definition.objective().metric());
    // A merge patch of the fields this endpoint owns only (nulls are left out): the phase, attempts
    // and timings belong to the trial reconciler, and a copy of them from this cache could be
    // older than what the reconciler has just written (a trial that has just ended).
    TrialStatus updated =
        new TrialStatus(
            null,
            null,
            tracked.progress.lastEpoch(),
            objective == null ? null : objective[1],
            ProgressStatus.metrics(tracked.progress, kept),
            ProgressStatus.curve(tracked.progress),
            null,
            null,
            null,
            null,
            null,
            decision.shouldStop() ? "Pruned" : null,
            decision.shouldStop() ? decision.reason() : null,
            null,
            null);
    Trial patch = new Trial();
    patch.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName(trial.getMetadata().getName())
            .withNamespace(trial.getMetadata().getNamespace())
            .build());
    patch.setStatus(updated);
    client
        .resource(patch)
        .subresource("status")
        .patch(
            io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE));
    tracked.written = tracked.progress.lastEpoch();
  }

  /** A running trial's reported epochs and the last epoch written to its status. */
  private static final class Tracked {
    final StudyDefinition definition;
    final TrialProgress progress;
    int written;

    Tracked(StudyDefinition definition) {
      this.definition = definition;
      this.progress =
          new TrialProgress(definition.objective().metric(), definition.objective().direction());
    }
  }
}
