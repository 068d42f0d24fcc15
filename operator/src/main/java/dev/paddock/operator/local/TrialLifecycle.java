package dev.paddock.operator.local;

import dev.paddock.api.v1alpha1.Grade;
import dev.paddock.api.v1alpha1.MetricsCollectorKind;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.contract.TerminationMessage;
import dev.paddock.contract.metrics.EpochMetrics;
import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.operator.archive.ArchiveKeys;
import dev.paddock.operator.collector.CollectorChoice;
import dev.paddock.operator.collector.OutputUpload;
import dev.paddock.operator.epochreport.EpochReport;
import dev.paddock.operator.epochreport.ReportAnswer;
import dev.paddock.operator.epochreport.ReportListener;
import dev.paddock.operator.epochreport.ReportTokens;
import dev.paddock.operator.epochreport.TrialRef;
import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.search.TrialState;
import dev.paddock.operator.study.StudyDefinition;
import dev.paddock.operator.study.TrainerKind;
import dev.paddock.operator.study.TrialGrading;
import dev.paddock.operator.study.TrialResult;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Starts trials as trainer processes (any command; with a stdout or file collector their metrics
 * are read as they run and fed to the same reports as pushed ones, and a stop decision terminates
 * them gracefully) and turns their endings into phases, grades and codes.
 */
final class TrialLifecycle {

  /** A stopped trainer's time to save and exit after SIGTERM, before SIGKILL. */
  static final long GRACE_SECONDS = 10;

  private final TrainingStudy study;
  private final StudyDefinition definition;
  private final LocalLayout layout;
  private final RunOptions options;
  private final ReportTokens tokens;
  private final String reportUrl;
  private final TrialGrading grading;
  private final ArtifactStore store;
  private final ReportListener reports;
  private final CollectorChoice collector;

  TrialLifecycle(
      TrainingStudy study,
      StudyDefinition definition,
      LocalLayout layout,
      RunOptions options,
      ReportTokens tokens,
      String reportUrl,
      ArtifactStore store,
      ReportListener reports) {
    this.study = study;
    this.definition = definition;
    this.layout = layout;
    this.options = options;
    this.tokens = tokens;
    this.reportUrl = reportUrl;
    this.grading = new TrialGrading(definition);
    this.store = store;
    this.reports = reports;
    this.collector = CollectorChoice.of(study);
  }

  void launch(LiveTrial trial) {
    trial.attempts++;
    trial.phase = TrialPhase.Pending;
    trial.stopRequested = null;
    trial.startTime = trial.startTime == null ? options.clock().instant() : trial.startTime;
    trial.artifacts = store.uri(ArchiveKeys.trial(layout.namespace(), layout.study(), trial.name));
    // Each run of a trial is its own object, as a re-created Trial is in a cluster.
    String runUid = java.util.UUID.randomUUID().toString();
    String token = tokens.issue(new TrialRef(layout.namespace(), trial.name), runUid);
    Map<String, String> env =
        TrialCommand.environment(
            study, trial, layout, options.artifacts(), reportUrl, token, options.threadsPerTrial());
    if (collector.kind() == MetricsCollectorKind.STDOUT) {
      // Python buffers a pipe's output in blocks: without this, epochs would arrive at the end.
      env.putIfAbsent("PYTHONUNBUFFERED", "1");
    }
    deleteStaleTerminationLog(trial);
    Path workDir = options.manifest().getParent();
    List<String> command = TrialCommand.command(study, options.trainer(), env, workDir);
    createDirectories(layout.checkpointDir(trial.name));
    trial.process =
        TrialProcess.start(
            command,
            env,
            workDir,
            layout.trainerLog(trial.name),
            new TrialProcess.Collecting(
                collector, layout.outputDir(trial.name), epoch -> collected(trial, runUid, epoch)));
    trial.reason = "Started";
    trial.message = "attempt " + trial.attempts;
  }

  /** An epoch read from a trainer's output: reported as if pushed; a stop ends the process. */
  private void collected(LiveTrial trial, String runUid, EpochMetrics epoch) {
    if (epoch.epoch() < 1) {
      return;
    }
    ReportAnswer answer;
    try {
      answer =
          reports.onEpoch(
              new EpochReport(
                  new TrialRef(layout.namespace(), trial.name),
                  runUid,
                  epoch.epoch(),
                  epoch.finite()));
    } catch (ReportListener.UnknownTrialException e) {
      return;
    }
    if (answer.stop()) {
      stop(trial);
    }
  }

  /** Stops a collected trainer now (a pushing one stops at its next report). */
  void stop(LiveTrial trial) {
    TrialProcess process = trial.process;
    if (process != null && !collector.isPush()) {
      process.stopGracefully(GRACE_SECONDS);
    }
  }

  /**
   * Reads the finished process's summary. Returns true when the trial ended for good, false when it
   * is to be retried.
   */
  boolean onExit(LiveTrial trial, Collection<LiveTrial> all) {
    int exitCode = trial.process.exitCode();
    trial.process = null;
    TerminationMessage summary = summary(trial, exitCode);
    String uploadProblem = uploadOutput(trial);
    if (uploadProblem != null) {
      return finish(trial, TrialPhase.Failed, "UploadFailed", uploadProblem, all);
    }
    if (summary.epoch() > 0 && !summary.metrics().isEmpty()) {
      trial.progress.record(summary.epoch(), summary.metrics());
    }
    trial.finalMetrics =
        summary.metrics().isEmpty() ? trial.progress.lastMetrics() : summary.metrics();
    if (summary.completed()) {
      return finish(
          trial,
          TrialPhase.Succeeded,
          "Completed",
          "trained " + trial.progress.lastEpoch() + " epochs",
          all);
    }
    if (summary.stopped()) {
      String why = Objects.requireNonNullElse(trial.stopRequested, "stopped by the trainer");
      String reason = "Pruned".equals(trial.reason) ? "Pruned" : "StoppedWithStudy";
      return finish(trial, TrialPhase.Pruned, reason, why, all);
    }
    if (summary.retryable() && trial.attempts <= definition.maxRetries()) {
      trial.phase = TrialPhase.Pending;
      trial.reason = "Retrying";
      trial.message = "attempt " + trial.attempts + " failed: " + summary.error();
      return false;
    }
    return finish(trial, TrialPhase.Failed, "Failed", summary.error(), all);
  }

  private TerminationMessage summary(LiveTrial trial, int exitCode) {
    Path message = layout.terminationLog(trial.name);
    if (collector.isPush() || TerminationMessage.written(message)) {
      return TerminationMessage.read(message, exitCode, layout.trainerLog(trial.name));
    }
    return TerminationMessage.inferred(
        exitCode,
        trial.stopRequested != null,
        trial.progress.lastEpoch(),
        collector.describe(),
        layout.trainerLog(trial.name));
  }

  /**
   * With an s3:// store, the output directory of any trainer but the DJL trainer (which writes to
   * the store itself) goes up; returns a problem, or null.
   */
  private String uploadOutput(LiveTrial trial) {
    if (TrainerKind.runsPaddockTrainer(study) || !options.artifacts().isS3()) {
      return null;
    }
    try {
      OutputUpload.upload(
          layout.outputDir(trial.name),
          store,
          ArchiveKeys.trial(layout.namespace(), layout.study(), trial.name));
      return null;
    } catch (RuntimeException e) {
      return "cannot upload the output directory to " + trial.artifacts + ": " + e.getMessage();
    }
  }

  private static void createDirectories(Path dir) {
    try {
      java.nio.file.Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private boolean finish(
      LiveTrial trial, TrialPhase phase, String reason, String message, Collection<LiveTrial> all) {
    trial.phase = phase;
    trial.reason = reason;
    trial.message = message;
    trial.completionTime = options.clock().instant();
    TrialObservation observation = trial.observation();
    if (phase == TrialPhase.Failed) {
      trial.objective = grading.bestObjective(observation, trial.finalMetrics);
      return true;
    }
    TrialResult result =
        grading.grade(
            observation,
            trial.finalMetrics,
            othersGraded(trial, all),
            day(trial.completionTime),
            codes(all));
    trial.objective = result.objective();
    trial.grade = Grade.valueOf(result.grade().name());
    trial.code = result.code();
    return true;
  }

  private List<Double> othersGraded(LiveTrial trial, Collection<LiveTrial> all) {
    return all.stream()
        .filter(t -> t != trial && t.grade != null)
        .map(t -> grading.gradedValue(t.objective, t.finalMetrics))
        .filter(Objects::nonNull)
        .toList();
  }

  private static Set<String> codes(Collection<LiveTrial> all) {
    Set<String> codes = new HashSet<>();
    all.stream().map(t -> t.code).filter(Objects::nonNull).forEach(codes::add);
    return codes;
  }

  private static LocalDate day(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).toLocalDate();
  }

  private void deleteStaleTerminationLog(LiveTrial trial) {
    try {
      java.nio.file.Files.deleteIfExists(layout.terminationLog(trial.name));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** True for trials the planner counts as running. */
  static boolean isActive(LiveTrial trial) {
    return trial.state() == TrialState.RUNNING;
  }
}
