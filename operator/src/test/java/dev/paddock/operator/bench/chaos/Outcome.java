package dev.paddock.operator.bench.chaos;

import dev.paddock.api.v1alpha1.Grade;
import dev.paddock.api.v1alpha1.StudyPhase;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How a scenario's study ended, read from the API server once it is over (or its deadline passed),
 * with what the {@link Recorder} saw on the way.
 *
 * @param ended whether the study and every one of its trials reached an end (and its archive
 *     settled) before the deadline
 * @param seconds from the study's creation to its last trial's end
 */
record Outcome(
    TrainingStudy study,
    List<Trial> trials,
    List<String> jobs,
    List<String> recreatedTrials,
    List<String> recreatedJobs,
    List<String> concurrentPods,
    boolean ended,
    double seconds) {

  /** Waits until the study in {@code namespace} is over, then reads it. */
  static Outcome await(
      KubernetesClient client,
      String namespace,
      Recorder recorder,
      long createdNanos,
      Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean ended = false;
    while (System.nanoTime() < deadline) {
      if (over(client, namespace)) {
        ended = true;
        break;
      }
      ChaosEnv.sleep(500);
    }
    // what the operator might still do wrong after the end (a late duplicate) has a moment to show
    ChaosEnv.sleep(2000);
    TrainingStudy study =
        client.resources(TrainingStudy.class).inNamespace(namespace).withName(ChaosEnv.STUDY).get();
    List<Trial> trials =
        client.resources(Trial.class).inNamespace(namespace).list().getItems().stream()
            .sorted(Comparator.comparing(t -> t.getSpec().index()))
            .toList();
    List<String> jobs =
        client.batch().v1().jobs().inNamespace(namespace).list().getItems().stream()
            .map(j -> j.getMetadata().getName())
            .sorted()
            .toList();
    return new Outcome(
        study,
        trials,
        jobs,
        recorder.recreatedTrials(),
        recorder.recreatedJobs(),
        recorder.jobsWithConcurrentPods(),
        ended,
        (recorder.lastProgress() - createdNanos) / 1e9);
  }

  /** Waits (at most {@code timeout}) for the study's first progress after {@code afterNanos}. */
  static void awaitProgress(Recorder recorder, long afterNanos, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (recorder.firstProgressAfter(afterNanos) == null && System.nanoTime() < deadline) {
      ChaosEnv.sleep(50);
    }
  }

  /** The study ended, every trial too, and its archive is not waiting for the store. */
  private static boolean over(KubernetesClient client, String namespace) {
    TrainingStudy study =
        client.resources(TrainingStudy.class).inNamespace(namespace).withName(ChaosEnv.STUDY).get();
    if (study == null || study.getStatus() == null) {
      return false;
    }
    StudyPhase phase = study.getStatus().phase();
    if (phase != StudyPhase.Succeeded && phase != StudyPhase.Failed) {
      return false;
    }
    if (archiveDegraded(study) || archiveMessage(study) != null) {
      return false;
    }
    return client.resources(Trial.class).inNamespace(namespace).list().getItems().stream()
        .allMatch(t -> t.getStatus() != null && Recorder.ended(t.getStatus().phase()));
  }

  static boolean archiveDegraded(TrainingStudy study) {
    List<Condition> conditions = study.getStatus().conditions();
    return conditions != null
        && conditions.stream()
            .anyMatch(c -> "ArchiveDegraded".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  static String archiveMessage(TrainingStudy study) {
    var archive = study.getStatus().archive();
    return archive == null || archive.message() == null || archive.message().isBlank()
        ? null
        : archive.message();
  }

  Map<Integer, Map<String, String>> parametersByIndex() {
    Map<Integer, Map<String, String>> byIndex = new TreeMap<>();
    trials.forEach(t -> byIndex.put(t.getSpec().index(), t.getSpec().parameters()));
    return byIndex;
  }

  long count(TrialPhase phase) {
    return trials.stream()
        .filter(t -> t.getStatus() != null && t.getStatus().phase() == phase)
        .count();
  }

  /** The best succeeded trial by its objective (ties: the lower index), from the Trials. */
  Trial bestTrial() {
    return trials.stream()
        .filter(t -> t.getStatus() != null && t.getStatus().phase() == TrialPhase.Succeeded)
        .filter(t -> t.getStatus().objective() != null)
        .min(
            Comparator.comparing((Trial t) -> -t.getStatus().objective())
                .thenComparing(t -> t.getSpec().index()))
        .orElse(null);
  }

  /**
   * The trials the archive must hold at the end: the top 25% of the succeeded ones (at least one)
   * graded B or better, as {@code ArchiveSelection} chooses them.
   */
  Set<String> mustBeArchived() {
    List<Trial> succeeded =
        trials.stream()
            .filter(t -> t.getStatus() != null && t.getStatus().phase() == TrialPhase.Succeeded)
            .sorted(
                Comparator.comparing((Trial t) -> -t.getStatus().objective())
                    .thenComparing(t -> t.getSpec().index()))
            .toList();
    long top = Math.max(1, (long) Math.ceil(succeeded.size() * 25 / 100.0));
    return succeeded.stream()
        .limit(top)
        .filter(
            t ->
                Set.of(Grade.S, Grade.A, Grade.B)
                    .contains(Objects.requireNonNull(t.getStatus().grade())))
        .map(t -> t.getMetadata().getName())
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  Set<String> archived() {
    return trials.stream()
        .filter(t -> t.getStatus() != null && t.getStatus().archived() != null)
        .map(t -> t.getMetadata().getName())
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  /** One correctness check's verdict. */
  record Check(String name, boolean pass, String detail) {}

  /** This outcome against the uninterrupted run of the same study. */
  List<Check> against(Outcome baseline, int maxTrials) {
    List<Check> checks = new ArrayList<>();
    List<Integer> indices = trials.stream().map(t -> t.getSpec().index()).toList();
    List<Integer> expected = IntStream.range(0, maxTrials).boxed().toList();
    boolean named =
        trials.stream()
            .allMatch(
                t -> t.getMetadata().getName().equals(ChaosEnv.STUDY + "-" + t.getSpec().index()));
    checks.add(
        new Check(
            "indices",
            indices.equals(expected) && named,
            indices.equals(expected) ? "0.." + (maxTrials - 1) : "indices " + indices));

    List<String> trialNames = trials.stream().map(t -> t.getMetadata().getName()).toList();
    boolean oneJobEach = jobs.equals(trialNames.stream().sorted().toList());
    List<String> problems = new ArrayList<>();
    if (!recreatedTrials.isEmpty()) {
      problems.add("Trials created twice " + recreatedTrials);
    }
    if (!recreatedJobs.isEmpty()) {
      problems.add("Jobs created twice " + recreatedJobs);
    }
    if (!oneJobEach) {
      problems.add(jobs.size() + " Jobs for " + trials.size() + " Trials");
    }
    if (!concurrentPods.isEmpty()) {
      problems.add("two pods Running at once " + concurrentPods);
    }
    checks.add(
        new Check(
            "no duplicate",
            problems.isEmpty(),
            problems.isEmpty()
                ? trials.size() + " Trials, 1 Job each"
                : String.join("; ", problems)));

    Map<Integer, Map<String, String>> mine = parametersByIndex();
    Map<Integer, Map<String, String>> theirs = baseline.parametersByIndex();
    List<Integer> differing =
        expected.stream().filter(i -> !Objects.equals(mine.get(i), theirs.get(i))).toList();
    checks.add(
        new Check(
            "parameters",
            differing.isEmpty(),
            differing.isEmpty() ? "identical by index" : "differ at " + differing));

    var counts = study == null || study.getStatus() == null ? null : study.getStatus().trials();
    Map<String, long[]> pairs = new LinkedHashMap<>();
    if (counts != null) {
      pairs.put("created", new long[] {orZero(counts.created()), trials.size()});
      pairs.put("succeeded", new long[] {orZero(counts.succeeded()), count(TrialPhase.Succeeded)});
      pairs.put("failed", new long[] {orZero(counts.failed()), count(TrialPhase.Failed)});
      pairs.put("pruned", new long[] {orZero(counts.pruned()), count(TrialPhase.Pruned)});
      pairs.put(
          "running",
          new long[] {
            orZero(counts.running()),
            trials.stream()
                .filter(t -> t.getStatus() == null || !Recorder.ended(t.getStatus().phase()))
                .count()
          });
    }
    List<String> wrong =
        pairs.entrySet().stream()
            .filter(e -> e.getValue()[0] != e.getValue()[1])
            .map(e -> e.getKey() + " " + e.getValue()[0] + " != " + e.getValue()[1])
            .toList();
    checks.add(
        new Check(
            "counts",
            counts != null && wrong.isEmpty(),
            counts == null
                ? "no status"
                : wrong.isEmpty()
                    ? counts.succeeded() + " succeeded, " + counts.failed() + " failed"
                    : String.join("; ", wrong)));

    Trial best = bestTrial();
    Trial baselineBest = baseline.bestTrial();
    String statusBest =
        study == null || study.getStatus() == null || study.getStatus().best() == null
            ? null
            : study.getStatus().best().trial();
    boolean sameBest =
        best != null
            && baselineBest != null
            && best.getMetadata().getName().equals(baselineBest.getMetadata().getName())
            && Objects.equals(best.getStatus().objective(), baselineBest.getStatus().objective())
            && best.getMetadata().getName().equals(statusBest);
    checks.add(
        new Check(
            "best",
            sameBest,
            "status "
                + statusBest
                + ", baseline "
                + name(baselineBest)
                + ", trials "
                + name(best)));

    List<String> open =
        trials.stream()
            .filter(t -> t.getStatus() == null || !Recorder.ended(t.getStatus().phase()))
            .map(t -> t.getMetadata().getName())
            .toList();
    StudyPhase phase =
        study == null || study.getStatus() == null ? null : study.getStatus().phase();
    checks.add(
        new Check(
            "no stuck",
            ended && open.isEmpty() && phase == StudyPhase.Succeeded,
            "study " + phase + (open.isEmpty() ? "" : ", not ended " + open)));

    Set<String> must = mustBeArchived();
    Set<String> archived = archived();
    boolean archiveOk =
        archived.containsAll(must)
            && must.equals(baseline.mustBeArchived())
            && study != null
            && study.getStatus() != null
            && !archiveDegraded(study)
            && archiveMessage(study) == null;
    checks.add(
        new Check(
            "archive",
            archiveOk,
            "archived "
                + archived.size()
                + ", top set "
                + must
                + (study != null && study.getStatus() != null && archiveMessage(study) != null
                    ? ", message: " + archiveMessage(study)
                    : "")));
    return checks;
  }

  private static long orZero(Integer value) {
    return value == null ? 0 : value;
  }

  private static String name(Trial trial) {
    return trial == null ? null : trial.getMetadata().getName();
  }
}
