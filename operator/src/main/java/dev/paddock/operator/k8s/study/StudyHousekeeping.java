package dev.paddock.operator.k8s.study;

import dev.paddock.api.v1alpha1.RetentionSpec;
import dev.paddock.api.v1alpha1.StudyArchiveStatus;
import dev.paddock.api.v1alpha1.StudyRetentionStatus;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.contract.store.StoreUnavailableException;
import dev.paddock.operator.k8s.KubeEvents;
import dev.paddock.operator.k8s.ReconcileErrors;
import dev.paddock.operator.k8s.archive.OperatorStore;
import dev.paddock.operator.k8s.archive.RetiredTrials;
import dev.paddock.operator.study.StudyDefinition;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a study's reconcile does besides planning: archive ({@link StudyArchiving}), then retention
 * ({@link StudyRetention}), the {@code ArchiveDegraded} condition and its events, and when to try
 * the store again. The reconciler calls {@link #run} and writes what it returns.
 */
final class StudyHousekeeping {

  /** How long a deleted study waits for the store to delete its artifacts before it goes anyway. */
  static final Duration GIVE_UP_DELETING_ARTIFACTS = Duration.ofMinutes(10);

  /**
   * @param canPlan false while retired trials exist that the store cannot give back, the study's
   *     own (planning without them could reuse their names) or its history's (its suggestions would
   *     change): the study waits for the store
   * @param trials the study's trials, retired ones included (the planner counts them)
   * @param imported the retired trials of the studies in its {@code search.historyFrom}
   * @param retryAfter when to reconcile again because the store failed; null when it did not
   * @param nextExpiry when retention has artifacts to delete next; null: none will
   */
  record Result(
      boolean canPlan,
      List<Trial> trials,
      List<Trial> imported,
      List<Condition> conditions,
      StudyArchiveStatus archive,
      StudyRetentionStatus retention,
      Duration retryAfter,
      Instant nextExpiry) {

    Optional<Duration> retry() {
      return Optional.ofNullable(retryAfter);
    }
  }

  private final OperatorStore store;
  private final Clock clock;
  private final StudyArchiving archiving;
  private final StudyRetention retention;
  private final StudyHistory history;
  private final StoreBackoff backoff = new StoreBackoff();

  StudyHousekeeping(OperatorStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.archiving = new StudyArchiving(clock);
    RetiredTrials records = new RetiredTrials();
    this.retention = new StudyRetention(clock, records);
    this.history = new StudyHistory(records);
  }

  /**
   * @param donors the studies in its {@code search.historyFrom} that exist
   */
  Result run(
      TrainingStudy study,
      StudyDefinition definition,
      Collection<Trial> live,
      Collection<TrainingStudy> donors,
      KubernetesClient client) {
    StudyArchiving.Outcome archived = archiving.run(study, definition, live, store::get, client);
    StudyRetention.Outcome retained =
        retention.run(study, definition, live, archived.chosen(), store::get, client);
    StudyHistory.Imported imported = history.retired(donors, store::get);
    String problem =
        Stream.of(archived.storeProblem(), retained.storeProblem(), imported.storeProblem())
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null);
    String uid = study.getMetadata().getUid();
    Duration retry = null;
    if (problem != null) {
      retry = backoff.failed(uid);
    } else {
      backoff.succeeded(uid);
    }
    List<Condition> previous = study.getStatus() == null ? null : study.getStatus().conditions();
    announce(study, client, previous, problem);
    // A study with neither block still needs the store for its history's retired trials.
    boolean uses =
        study.getSpec().archive() != null || study.getSpec().retention() != null || problem != null;
    List<Condition> conditions =
        uses || ArchiveCondition.find(previous) != null
            ? List.of(ArchiveCondition.of(previous, problem, generation(study), clock.instant()))
            : List.of();
    boolean canPlan = retained.readable() && imported.readable();
    if (!canPlan) {
      // The reconciler will not plan nor write a status this time: say why on the study now.
      writeConditions(client, study, previous, conditions);
    }
    Map<String, Trial> all = new LinkedHashMap<>();
    retained.retired().forEach(t -> all.put(t.getMetadata().getName(), t));
    live.forEach(t -> all.put(t.getMetadata().getName(), t));
    return new Result(
        canPlan,
        List.copyOf(all.values()),
        imported.retired(),
        conditions,
        archived.status(),
        retained.status(),
        retry,
        retained.nextExpiry());
  }

  private void announce(
      TrainingStudy study, KubernetesClient client, List<Condition> previous, String problem) {
    boolean was = ArchiveCondition.isDegraded(previous);
    KubeEvents events = new KubeEvents(client, clock);
    if (problem != null && !was) {
      events.warning(study, "ArchiveDegraded", StudyArchiving.bounded(problem));
    } else if (problem == null && was) {
      events.normal(study, "ArchiveRecovered", "the artifact store answers again");
    }
  }

  /**
   * The conditions of a study that waits for its store: the housekeeping ones replaced, the others
   * kept, but for a Stalled condition from failed reconciles, which this one no longer is.
   */
  static List<Condition> waitingConditions(List<Condition> previous, List<Condition> housekeeping) {
    List<Condition> conditions = new java.util.ArrayList<>();
    if (previous != null) {
      previous.stream()
          .filter(c -> !ArchiveCondition.TYPE.equals(c.getType()))
          .filter(c -> !ReconcileErrors.STALLED.equals(c.getType()))
          .forEach(conditions::add);
    }
    conditions.addAll(housekeeping);
    return conditions;
  }

  private static void writeConditions(
      KubernetesClient client,
      TrainingStudy study,
      List<Condition> previous,
      List<Condition> housekeeping) {
    List<Condition> conditions = waitingConditions(previous, housekeeping);
    client
        .resources(TrainingStudy.class)
        .inNamespace(study.getMetadata().getNamespace())
        .withName(study.getMetadata().getName())
        .subresource("status")
        .patch(
            io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
            client
                .getKubernetesSerialization()
                .asJson(Map.of("status", Map.of("conditions", conditions))));
  }

  /**
   * A deleted study: its Trials and Jobs go by owner references; its artifacts (trials, archive,
   * retired records) go only with {@code retention.deleteArtifactsWithStudy}. If the store stays
   * unreachable, deletion retries with backoff for {@link #GIVE_UP_DELETING_ARTIFACTS}, then lets
   * the study go and says in a Warning event which prefixes were left: a store that is gone must
   * not keep a study (and its namespace) from being deleted forever.
   */
  DeleteControl cleanup(TrainingStudy study, KubernetesClient client) {
    String uid = study.getMetadata().getUid();
    RetentionSpec spec = study.getSpec().retention();
    if (spec == null || !Boolean.TRUE.equals(spec.deleteArtifactsWithStudy())) {
      forget(uid);
      return DeleteControl.defaultDelete();
    }
    String namespace = study.getMetadata().getNamespace();
    String name = study.getMetadata().getName();
    List<String> prefixes =
        List.of(
            "studies/" + namespace + "/" + name + "/", "archive/" + namespace + "/" + name + "/");
    KubeEvents events = new KubeEvents(client, clock);
    try {
      for (String prefix : prefixes) {
        store.get().deletePrefix(prefix);
      }
      forget(uid);
      return DeleteControl.defaultDelete();
    } catch (StoreUnavailableException e) {
      Instant deleting = Instant.parse(study.getMetadata().getDeletionTimestamp());
      if (!clock.instant().isBefore(deleting.plus(GIVE_UP_DELETING_ARTIFACTS))) {
        events.warning(
            study,
            "ArtifactsLeft",
            StudyArchiving.bounded(
                "gave up deleting the study's artifacts after "
                    + GIVE_UP_DELETING_ARTIFACTS.toMinutes()
                    + " minutes; left "
                    + prefixes
                    + " in "
                    + store.get().uri("")
                    + ": "
                    + e.getMessage()));
        forget(uid);
        return DeleteControl.defaultDelete();
      }
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(backoff.failed(uid).toMillis());
    }
  }

  private void forget(String uid) {
    backoff.succeeded(uid);
    retention.forget(uid);
  }

  private static long generation(TrainingStudy study) {
    Long generation = study.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }
}
