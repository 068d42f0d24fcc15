package dev.paddock.operator.local;

import dev.paddock.api.v1alpha1.StudyArchiveStatus;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.api.v1alpha1.TrialSpec;
import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.operator.epochreport.ReportServer;
import dev.paddock.operator.epochreport.ReportTokens;
import dev.paddock.operator.rollout.Slots;
import dev.paddock.operator.search.Suggestion;
import dev.paddock.operator.study.PlanStatus;
import dev.paddock.operator.study.StudyDefinition;
import dev.paddock.operator.study.StudyPlan;
import dev.paddock.operator.study.StudyPlanner;
import dev.paddock.operator.study.TrialNames;
import dev.paddock.operator.studyreport.StudyReport;
import dev.paddock.operator.studyreport.StudyReportData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a study on this machine: each step asks the shared {@link StudyPlanner} what to do, starts
 * and watches trainer processes, answers their reports, and writes the trials' records. Killed or
 * interrupted, it leaves records from which the next run resumes: finished trials are kept and
 * interrupted ones start again from their checkpoints.
 */
public final class LocalStudyRunner {

  private static final long GRACE_SECONDS = 10;

  private final TrainingStudy study;
  private final StudyDefinition definition;
  private final Optional<String> capNotice;
  private final RunOptions options;
  private final ProgressView view;
  private final LocalLayout layout;
  private final TrialRecords records;
  private final RunState state;
  private final ArtifactStore store;
  private final RunSignals signals = new RunSignals();
  private volatile boolean interrupted;
  private List<dev.paddock.operator.search.TrialObservation> history = List.of();
  private StudyTimes times;
  private StudyArchiveStatus archive;

  public LocalStudyRunner(
      TrainingStudy study, StudyDefinition definition, RunOptions options, ProgressView view) {
    this.study = study;
    this.definition = LocalDefinition.cappedParallelism(definition, options.maxParallel());
    this.capNotice =
        LocalDefinition.capNotice(
            definition, options.maxParallel(), Runtime.getRuntime().availableProcessors());
    this.options = options;
    this.view = view;
    String namespace = Objects.requireNonNullElse(study.getMetadata().getNamespace(), "default");
    this.layout = new LocalLayout(options.storeRoot(), namespace, study.getMetadata().getName());
    this.records = new TrialRecords(layout);
    this.state = new RunState(namespace);
    this.store = options.artifacts().open(options.storeRoot());
  }

  public LocalLayout layout() {
    return layout;
  }

  /**
   * Runs the study to its end (or until {@link #interrupt()}); returns the last plan.
   *
   * @throws dev.paddock.operator.manifest.InvalidManifestException before anything is written, when
   *     the store already holds this study and the manifest changes a field that a live study may
   *     not change (as the API server refuses the same edit)
   */
  public StudyPlan run() {
    StudyEdits.check(layout, study);
    times = StudyTimes.resume(layout.studyStatus(), options.clock().instant());
    capNotice.ifPresent(
        notice -> view.event(event("parallelism-capped", Map.of("message", notice))));
    records.load().forEach(r -> state.add(LiveTrial.from(r, definition)));
    history = history();
    ReportTokens tokens = new ReportTokens(ReportTokens.randomKey());
    LocalReports reports = new LocalReports(definition, state, signals);
    try (ReportServer server =
        ReportServer.start(new InetSocketAddress("127.0.0.1", 0), tokens, reports, 4)) {
      TrialLifecycle lifecycle =
          new TrialLifecycle(
              study, definition, layout, options, tokens, server.url().toString(), store, reports);
      StudyPlan plan = loop(lifecycle);
      if (plan != null) {
        wrapUp(plan);
      }
      return plan;
    }
  }

  /** Archive, promotion and the report, once the study has ended. */
  private void wrapUp(StudyPlan plan) {
    synchronized (state) {
      LocalWrapUp wrapUp = new LocalWrapUp(study, definition, layout, store, options.clock());
      LocalWrapUp.Archived archived = wrapUp.archive(state.trials());
      archive = archived.status();
      if (archived.problem() != null) {
        view.event(
            event(
                "archive-skipped",
                Map.of("reason", "ArchiveSkipped", "message", archived.problem())));
      }
      state.trials().stream().filter(t -> t.archived != null).forEach(state::changed);
      persist(plan);
      Optional<Slots> slots = wrapUp.deploy();
      wrapUp
          .retain(state.trials(), slots, records, keptMetrics())
          .filter(r -> !r.isEmpty())
          .ifPresent(r -> view.event(event("retention", Map.of("message", r.summary()))));
      writeReport(plan, archived, slots);
      view.finish(snapshot(plan));
    }
  }

  private void writeReport(StudyPlan plan, LocalWrapUp.Archived archived, Optional<Slots> slots) {
    StudyReportData data =
        LocalReportData.of(
            definition,
            layout,
            plan,
            state.trials(),
            archived,
            slots,
            times.started(),
            times.endOr(options.clock().instant()));
    try {
      Path report = StudyReport.write(data, layout.reportDir());
      String primary =
          slots.map(s -> s.primary() == null ? "none" : s.primary().code()).orElse("none");
      view.event(
          event(
              "report-written",
              Map.of(
                  "report", report.toString(),
                  "archived", archived.codes().size(),
                  "primary", primary)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the study report in " + layout.reportDir(), e);
    }
  }

  /**
   * Plans and acts until the study ends. Between steps it waits for a signal (a trainer exiting, an
   * epoch report, an interrupt) rather than polling; with nothing running it plans again at once.
   */
  private StudyPlan loop(TrialLifecycle lifecycle) {
    while (true) {
      StudyPlan plan = step(lifecycle);
      if (plan == null) {
        return null;
      }
      if (ended(plan)) {
        view.event(
            event(
                "study-finished",
                Map.of(
                    "phase",
                    plan.phase().name(),
                    "reason",
                    plan.reason(),
                    "message",
                    plan.message())));
        return plan;
      }
      if (running() > 0 && !awaitSignal()) {
        return null;
      }
    }
  }

  /** One step: reap exited trainers, plan, start trials, write records. Null once interrupted. */
  private StudyPlan step(TrialLifecycle lifecycle) {
    synchronized (state) {
      if (interrupted) {
        return null;
      }
      reap(lifecycle);
      StudyPlan plan =
          StudyPlanner.plan(
              definition,
              studyTrials(),
              history,
              0,
              Boolean.TRUE.equals(study.getSpec().suspend()));
      act(plan, lifecycle);
      persist(plan);
      view.update(snapshot(plan));
      return plan;
    }
  }

  private boolean ended(StudyPlan plan) {
    boolean stopped =
        plan.phase().isTerminal()
            || plan.phase() == dev.paddock.operator.study.StudyPhase.SUSPENDED;
    return stopped && running() == 0;
  }

  /** False when the waiting thread was interrupted: the run then stops as on Ctrl-C. */
  private boolean awaitSignal() {
    try {
      signals.await();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      interrupt();
      return false;
    }
  }

  private void reap(TrialLifecycle lifecycle) {
    for (LiveTrial trial : state.trials()) {
      if (trial.process != null && !trial.process.isAlive()) {
        boolean ended = lifecycle.onExit(trial, state.trials());
        state.changed(trial);
        view.event(event(ended ? "trial-finished" : "trial-retrying", finishedFields(trial)));
      }
    }
  }

  private void act(StudyPlan plan, TrialLifecycle lifecycle) {
    if (plan.stopRunning()) {
      state.trials().stream()
          .filter(t -> t.process != null && t.stopRequested == null)
          .forEach(
              t -> {
                t.stopRequested = plan.message();
                lifecycle.stop(t);
              });
      return;
    }
    // Trials interrupted by an earlier run, or waiting for a retry, start before new ones.
    for (LiveTrial trial : state.trials()) {
      if (trial.process == null && TrialLifecycle.isActive(trial)) {
        start(lifecycle, trial);
      }
    }
    for (Suggestion suggestion : plan.create()) {
      String name = TrialNames.of(layout.study(), suggestion.index());
      TrialSpec spec =
          new TrialSpec(
              layout.study(),
              (int) suggestion.index(),
              definition.epochs(),
              suggestion.parameters());
      LiveTrial trial = new LiveTrial(name, spec, definition);
      trial.basis = plan.basis(suggestion);
      state.add(trial);
      start(lifecycle, trial);
    }
  }

  private void start(TrialLifecycle lifecycle, LiveTrial trial) {
    try {
      lifecycle.launch(trial);
      signals.watch(trial.process);
      view.event(
          event(
              "trial-started",
              Map.of(
                  "trial",
                  trial.name,
                  "attempt",
                  trial.attempts,
                  "parameters",
                  trial.spec.parameters())));
    } catch (RuntimeException e) {
      trial.phase = TrialPhase.Failed;
      trial.reason = "StartFailed";
      trial.message = e.getMessage();
      view.event(event("trial-finished", finishedFields(trial)));
      signals.signal("start-failed");
    }
    state.changed(trial);
  }

  private void persist(StudyPlan plan) {
    times.update(plan, options.clock().instant());
    for (LiveTrial trial : state.drainChanged()) {
      records.save(trial.toRecord(layout.namespace(), keptMetrics()));
    }
    JsonFiles.write(
        layout.studyStatus(),
        StudyStatuses.of(
            study,
            layout.namespace(),
            plan,
            PlanStatus.ensemble(
                definition, state.trials().stream().map(LiveTrial::observation).toList()),
            times.started(),
            times.completed(),
            archive));
  }

  /** Finished trials of the local studies named in {@code search.historyFrom}. */
  private List<dev.paddock.operator.search.TrialObservation> history() {
    List<String> from = study.getSpec().search().historyFrom();
    if (from == null) {
      return List.of();
    }
    List<dev.paddock.operator.search.TrialObservation> observed = new java.util.ArrayList<>();
    for (String other : from) {
      LocalLayout otherLayout = new LocalLayout(layout.root(), layout.namespace(), other);
      for (var record : new TrialRecords(otherLayout).load()) {
        var observation = LiveTrial.from(record, definition).observation();
        if (observation.hasResult()) {
          observed.add(observation);
        }
      }
    }
    return observed;
  }

  private List<String> keptMetrics() {
    List<String> kept = new java.util.ArrayList<>();
    kept.add(definition.objective().metric());
    kept.addAll(definition.metrics());
    return kept;
  }

  /**
   * Stops the run now: trainers are terminated and their trials left as Preempted, so the next run
   * resumes them from their checkpoints. Safe to call from a shutdown hook.
   */
  public void interrupt() {
    interrupted = true;
    synchronized (state) {
      for (LiveTrial trial : state.trials()) {
        if (trial.process != null) {
          trial.process.terminate(GRACE_SECONDS);
          trial.process = null;
          trial.phase = TrialPhase.Preempted;
          trial.reason = "Interrupted";
          trial.message = "interrupted; the next paddock run resumes it from its last checkpoint";
          state.changed(trial);
        }
      }
      for (LiveTrial trial : state.drainChanged()) {
        records.save(trial.toRecord(layout.namespace(), keptMetrics()));
      }
      view.event(event("study-interrupted", Map.of("study", layout.study())));
    }
    signals.signal("interrupted");
  }

  private List<dev.paddock.operator.study.StudyTrial> studyTrials() {
    return state.trials().stream().map(LiveTrial::studyTrial).toList();
  }

  private long running() {
    return state.trials().stream().filter(t -> t.process != null).count();
  }

  private RunSnapshot snapshot(StudyPlan plan) {
    List<RunSnapshot.Row> rows = state.trials().stream().map(LiveTrial::row).toList();
    return new RunSnapshot(
        layout.study(),
        definition.objective().metric(),
        plan.phase().name(),
        plan.message(),
        definition.budget().maxTrials(),
        plan.counts().finished(),
        times.elapsed(options.clock().instant()),
        rows);
  }

  private Map<String, Object> finishedFields(LiveTrial t) {
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("trial", t.name);
    fields.put("phase", t.phase.name());
    fields.put("reason", t.reason);
    fields.put("message", t.message);
    fields.put("objective", t.objective);
    fields.put("grade", t.grade == null ? null : t.grade.name());
    fields.put("code", t.code);
    return fields;
  }

  private RunEvent event(String type, Map<String, Object> fields) {
    return new RunEvent(options.clock().instant(), type, fields);
  }
}
