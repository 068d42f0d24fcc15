package dev.paddock.operator.k8s.study;

import dev.paddock.api.v1alpha1.ArchiveSpec;
import dev.paddock.api.v1alpha1.StudyArchiveStatus;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.api.v1alpha1.TrialStatus;
import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.contract.store.StoreUnavailableException;
import dev.paddock.operator.archive.ArchiveCandidate;
import dev.paddock.operator.archive.ArchiveSelection;
import dev.paddock.operator.archive.Archiver;
import dev.paddock.operator.grading.Grade;
import dev.paddock.operator.k8s.KubeEvents;
import dev.paddock.operator.search.Direction;
import dev.paddock.operator.study.StudyDefinition;
import dev.paddock.operator.study.TrainerKind;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The archive step of a study's reconcile: the trials the shared {@link ArchiveSelection} picks
 * (top {@code topPercent}, at least {@code minGrade}) and not archived yet are archived with the
 * shared {@link Archiver}, and each gets its archive URI in its status. Idempotent: a trial with
 * {@code status.archived} is never touched again, and the Archiver skips an archive whose index
 * entry exists. A trial that drops out of the top set keeps its archive.
 */
final class StudyArchiving {

  /**
   * @param status null when the study has no archive block
   * @param chosen trials the selection picks now (retention must not delete them)
   * @param storeProblem why the store could not be used; null when it could
   */
  record Outcome(StudyArchiveStatus status, Set<String> chosen, String storeProblem) {
    static final Outcome NONE = new Outcome(null, Set.of(), null);
  }

  static final int MAX_URIS = 10;
  private static final int MAX_MESSAGE = 1024;

  private final Clock clock;

  StudyArchiving(Clock clock) {
    this.clock = clock;
  }

  Outcome run(
      TrainingStudy study,
      StudyDefinition definition,
      Collection<Trial> trials,
      Supplier<ArtifactStore> store,
      KubernetesClient client) {
    ArchiveSpec spec = study.getSpec().archive();
    if (spec == null) {
      return Outcome.NONE;
    }
    Direction direction = definition.objective().direction();
    Map<String, Trial> byName =
        trials.stream().collect(Collectors.toMap(t -> t.getMetadata().getName(), t -> t));
    List<ArchiveCandidate> chosen =
        ArchiveSelection.select(
            candidates(trials),
            direction,
            spec.topPercent(),
            spec.minGrade() == null ? null : Grade.valueOf(spec.minGrade().name()));
    Map<String, String> archived = new LinkedHashMap<>();
    trials.stream()
        .filter(t -> t.getStatus() != null && t.getStatus().archived() != null)
        .forEach(t -> archived.put(t.getMetadata().getName(), t.getStatus().archived()));
    List<String> problems = new ArrayList<>();
    String storeProblem = null;
    for (ArchiveCandidate candidate : chosen) {
      if (archived.containsKey(candidate.trial())) {
        continue;
      }
      Trial trial = byName.get(candidate.trial());
      try {
        String uri =
            new Archiver(store.get(), !TrainerKind.runsPaddockTrainer(study))
                .archive(
                    study.getMetadata().getNamespace(),
                    study.getMetadata().getName(),
                    candidate,
                    ArchiveFacts.of(study, definition, trial, clock.instant()));
        markArchived(client, trial, uri);
        archived.put(candidate.trial(), uri);
        new KubeEvents(client, clock)
            .normal(
                study,
                "Archived",
                candidate.trial() + " (" + candidate.code() + ") archived to " + uri);
      } catch (StoreUnavailableException | java.io.UncheckedIOException e) {
        // The store (S3, or a directory store's file system) failed: retried with backoff.
        storeProblem = e.getMessage();
        break;
      } catch (IllegalStateException e) {
        // No model under the trial's prefix, or a copy that does not match its source: this
        // trial cannot be archived now; the others can.
        problems.add(e.getMessage());
      }
    }
    String message = storeProblem != null ? storeProblem : String.join("; ", problems);
    announceProblems(study, client, problems);
    return new Outcome(
        new StudyArchiveStatus(
            archived.size(), bestUris(archived, byName, direction), bounded(message)),
        chosen.stream().map(ArchiveCandidate::trial).collect(Collectors.toUnmodifiableSet()),
        storeProblem);
  }

  /** Succeeded trials with a grade, a code and artifacts (not expired by retention). */
  private static List<ArchiveCandidate> candidates(Collection<Trial> trials) {
    return trials.stream()
        .filter(t -> t.getStatus() != null && t.getStatus().phase() == TrialPhase.Succeeded)
        .filter(
            t ->
                t.getStatus().objective() != null
                    && t.getStatus().code() != null
                    && t.getStatus().grade() != null
                    && !StudyRetention.artifactsExpired(t))
        .map(
            t ->
                new ArchiveCandidate(
                    t.getMetadata().getName(),
                    t.getSpec().index(),
                    t.getStatus().code(),
                    Grade.valueOf(t.getStatus().grade().name()),
                    t.getStatus().objective(),
                    Objects.requireNonNullElse(t.getSpec().parameters(), Map.of())))
        .toList();
  }

  /** Sets the trial's {@code status.archived} (a merge patch: nothing else in its status moves). */
  private static void markArchived(KubernetesClient client, Trial trial, String uri) {
    String patch =
        client.getKubernetesSerialization().asJson(Map.of("status", Map.of("archived", uri)));
    client
        .resources(Trial.class)
        .inNamespace(trial.getMetadata().getNamespace())
        .withName(trial.getMetadata().getName())
        .subresource("status")
        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
  }

  /** A warning when the set of trials that cannot be archived changes, not on every reconcile. */
  private void announceProblems(TrainingStudy study, KubernetesClient client, List<String> now) {
    if (now.isEmpty()) {
      return;
    }
    StudyArchiveStatus before = study.getStatus() == null ? null : study.getStatus().archive();
    String message = bounded(String.join("; ", now));
    if (before == null || !Objects.equals(before.message(), message)) {
      new KubeEvents(client, clock).warning(study, "ArchiveSkipped", message);
    }
  }

  private static List<String> bestUris(
      Map<String, String> archived, Map<String, Trial> trials, Direction direction) {
    Comparator<String> best =
        Comparator.<String, Double>comparing(
                name -> objective(trials.get(name)),
                Comparator.nullsLast(
                    (Double a, Double b) ->
                        direction.isBetter(a, b) ? -1 : direction.isBetter(b, a) ? 1 : 0))
            .thenComparing(name -> index(trials.get(name)), Comparator.nullsLast(Integer::compare));
    return archived.keySet().stream().sorted(best).limit(MAX_URIS).map(archived::get).toList();
  }

  private static Integer index(Trial trial) {
    return trial == null || trial.getSpec() == null ? null : trial.getSpec().index();
  }

  private static Double objective(Trial trial) {
    TrialStatus status = trial == null ? null : trial.getStatus();
    return status == null ? null : status.objective();
  }

  static String bounded(String message) {
    if (message == null || message.isEmpty()) {
      return null;
    }
    return message.length() <= MAX_MESSAGE
        ? message
        : message.substring(0, MAX_MESSAGE - 3) + "...";
  }
}
