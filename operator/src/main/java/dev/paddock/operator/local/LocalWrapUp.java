package dev.paddock.operator.local;

import dev.paddock.api.v1alpha1.ArchiveSpec;
import dev.paddock.api.v1alpha1.DeploySpec;
import dev.paddock.api.v1alpha1.RetentionSpec;
import dev.paddock.api.v1alpha1.StudyArchiveStatus;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.contract.store.StoreUnavailableException;
import dev.paddock.operator.archive.ArchiveCandidate;
import dev.paddock.operator.archive.ArchiveIndex;
import dev.paddock.operator.archive.ArchiveKeys;
import dev.paddock.operator.archive.ArchiveSelection;
import dev.paddock.operator.archive.Archiver;
import dev.paddock.operator.grading.Grade;
import dev.paddock.operator.retention.RetainedTrial;
import dev.paddock.operator.retention.Retention;
import dev.paddock.operator.retention.RetentionPlan;
import dev.paddock.operator.retention.RetentionPolicy;
import dev.paddock.operator.rollout.Gates;
import dev.paddock.operator.rollout.Promotion;
import dev.paddock.operator.rollout.Slot;
import dev.paddock.operator.rollout.Slots;
import dev.paddock.operator.search.Direction;
import dev.paddock.operator.study.StudyDefinition;
import dev.paddock.operator.study.TrainerKind;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a local run does as its trials finish and at its end: archive the best trials (the study's
 * {@code archive} block) and promote the best archived model into the deployment's primary slot
 * (its {@code deploy} block), with the same selection and gates as the cluster.
 */
final class LocalWrapUp {

  private static final int MAX_URIS = 10;
  private static final int MAX_MESSAGE = 1024;

  private final TrainingStudy study;
  private final StudyDefinition definition;
  private final LocalLayout layout;
  private final Archiver archiver;
  private final ArtifactStore store;
  private final LocalDeployments deployments;
  private final Clock clock;

  LocalWrapUp(
      TrainingStudy study,
      StudyDefinition definition,
      LocalLayout layout,
      ArtifactStore store,
      Clock clock) {
    this.study = study;
    this.definition = definition;
    this.layout = layout;
    this.store = store;
    // Any training code's whole output directory is its artifacts (a script that pushes its
    // reports with the Python client too); the DJL trainer's, its model and records.
    this.archiver = new Archiver(store, !TrainerKind.runsPaddockTrainer(study));
    this.deployments = new LocalDeployments(layout.deploymentsDir());
    this.clock = clock;
  }

  /**
   * What the archive step did.
   *
   * @param codes the codes in the study's archive index
   * @param status the study's archive status; null when it has no archive block
   */
  record Archived(List<String> codes, StudyArchiveStatus status) {

    static final Archived NONE = new Archived(List.of(), null);

    /** Why trials chosen for the archive are not archived; null when every one is. */
    String problem() {
      return status == null ? null : status.message();
    }
  }

  /**
   * Archives what the selection picks and marks each archived trial. As in the cluster, a trial
   * that cannot be archived (no model under its prefix, a copy that does not match) is reported and
   * skipped, and a store that fails stops the step; a later run retries both.
   */
  Archived archive(Collection<LiveTrial> trials) {
    ArchiveSpec spec = study.getSpec().archive();
    if (spec == null) {
      return Archived.NONE;
    }
    List<String> problems = new ArrayList<>();
    for (ArchiveCandidate candidate : chosen(spec, trials)) {
      try {
        String uri =
            archiver.archive(layout.namespace(), layout.study(), candidate, facts(candidate));
        trials.stream()
            .filter(t -> t.name.equals(candidate.trial()))
            .forEach(t -> t.archived = uri);
      } catch (StoreUnavailableException | UncheckedIOException e) {
        problems.add(e.getMessage());
        break;
      } catch (IllegalStateException e) {
        problems.add(e.getMessage());
      }
    }
    List<ArchiveIndex.Entry> index = ArchiveIndex.read(store, layout.namespace(), layout.study());
    return new Archived(
        index.stream().map(ArchiveIndex.Entry::code).toList(),
        new StudyArchiveStatus(index.size(), bestUris(index), bounded(problems)));
  }

  private List<ArchiveCandidate> chosen(ArchiveSpec spec, Collection<LiveTrial> trials) {
    List<ArchiveCandidate> finished =
        trials.stream()
            .filter(t -> t.phase == TrialPhase.Succeeded && t.objective != null && t.code != null)
            .map(
                t ->
                    new ArchiveCandidate(
                        t.name,
                        t.spec.index(),
                        t.code,
                        Grade.valueOf(t.grade.name()),
                        t.objective,
                        t.spec.parameters()))
            .toList();
    Grade minGrade = spec.minGrade() == null ? null : Grade.valueOf(spec.minGrade().name());
    return ArchiveSelection.select(
        finished, definition.objective().direction(), spec.topPercent(), minGrade);
  }

  private List<String> bestUris(List<ArchiveIndex.Entry> index) {
    return index.stream()
        .sorted(Comparator.comparing(ArchiveIndex.Entry::objective, this::better))
        .limit(MAX_URIS)
        .map(ArchiveIndex.Entry::uri)
        .toList();
  }

  private int better(Double a, Double b) {
    Direction direction = definition.objective().direction();
    return direction.isBetter(a, b) ? -1 : direction.isBetter(b, a) ? 1 : 0;
  }

  /** The problems as the status's message (at most 1024 characters), or null when none. */
  private static String bounded(List<String> problems) {
    String message = String.join("; ", problems);
    if (message.isEmpty()) {
      return null;
    }
    return message.length() <= MAX_MESSAGE
        ? message
        : message.substring(0, MAX_MESSAGE - 3) + "...";
  }

  /** Promotes the best archived model if it passes the gates; returns the deployment's slots. */
  Optional<Slots> deploy() {
    DeploySpec spec = study.getSpec().deploy();
    if (spec == null) {
      return Optional.empty();
    }
    Optional<ArchiveIndex.Entry> best =
        ArchiveIndex.read(store, layout.namespace(), layout.study()).stream()
            .min(Comparator.comparing(ArchiveIndex.Entry::objective, this::better));
    Slots slots = deployments.read(spec.modelDeployment());
    if (best.isEmpty()) {
      return Optional.of(slots);
    }
    ArchiveIndex.Entry entry = best.get();
    Slot candidate =
        new Slot(
            entry.code(),
            entry.trial(),
            entry.grade(),
            entry.objective(),
            entry.uri(),
            clock.instant());
    Gates gates =
        new Gates(
            spec.minGrade() == null ? null : Grade.valueOf(spec.minGrade().name()), null, null);
    Promotion promotion =
        Promotion.decide(slots, candidate, gates, definition.objective().direction());
    if (promotion.promote()) {
      slots = slots.promote(candidate, clock.instant());
      deployments.write(
          spec.modelDeployment(),
          slots,
          "Promoted",
          entry.code(),
          promotion.reason(),
          clock.instant());
    } else if (slots.primary() == null || !slots.primary().code().equals(entry.code())) {
      deployments.write(
          spec.modelDeployment(),
          slots,
          "Refused",
          entry.code(),
          promotion.reason(),
          clock.instant());
    }
    return Optional.of(slots);
  }

  /**
   * Applies the study's retention block: records of the worst trials beyond keepTrials move to the
   * study's history (the sampler still counts them) with their files; artifacts of expired trials
   * are deleted. Archived and deployed trials are never touched. Returns what was (or, in a dry
   * run, would be) deleted.
   */
  Optional<RetentionPlan> retain(
      Collection<LiveTrial> trials,
      Optional<Slots> slots,
      TrialRecords records,
      List<String> keptMetrics) {
    RetentionSpec spec = study.getSpec().retention();
    if (spec == null) {
      return Optional.empty();
    }
    java.util.Set<String> deployed = new java.util.HashSet<>();
    slots.ifPresent(
        s -> {
          if (s.primary() != null) {
            deployed.add(s.primary().trial());
          }
          if (s.backup() != null) {
            deployed.add(s.backup().trial());
          }
        });
    List<RetainedTrial> finished =
        trials.stream()
            .filter(LiveTrial::isFinished)
            .map(
                t ->
                    new RetainedTrial(
                        t.name,
                        t.spec.index(),
                        t.objective,
                        t.completionTime,
                        t.archived != null || deployed.contains(t.name)))
            .toList();
    RetentionPlan plan =
        Retention.plan(
            new RetentionPolicy(
                spec.keepTrials(), spec.artifactTTLDays(), Boolean.TRUE.equals(spec.dryRun())),
            definition.objective().direction(),
            finished,
            clock.instant());
    if (!plan.dryRun()) {
      for (LiveTrial trial : trials) {
        if (plan.trials().contains(trial.name)) {
          records.retire(trial.toRecord(layout.namespace(), keptMetrics));
          store.deletePrefix(ArchiveKeys.trial(layout.namespace(), layout.study(), trial.name));
        } else if (plan.artifacts().contains(trial.name)) {
          deleteArtifacts(trial.name);
        }
      }
    }
    return Optional.of(plan);
  }

  /** Everything under the trial's prefix but the runner's own records. */
  private void deleteArtifacts(String trial) {
    String prefix = ArchiveKeys.trial(layout.namespace(), layout.study(), trial);
    for (String key : store.list(prefix)) {
      String file = key.substring(prefix.length());
      if (!List.of("trial.json", "trainer.log", "termination-log").contains(file)) {
        store.deletePrefix(key);
      }
    }
  }

  private Map<String, Object> facts(ArchiveCandidate candidate) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("study", layout.study());
    facts.put("namespace", layout.namespace());
    facts.put("trial", candidate.trial());
    facts.put("code", candidate.code());
    facts.put("grade", candidate.grade().name());
    facts.put("objectiveMetric", definition.objective().metric());
    facts.put("objective", candidate.objective());
    facts.put("parameters", candidate.parameters());
    facts.put("archivedAt", clock.instant().toString());
    return facts;
  }
}
