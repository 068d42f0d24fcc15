package dev.paddock.operator.k8s.study;

import dev.paddock.api.v1alpha1.ModelDeployment;
import dev.paddock.api.v1alpha1.ModelSlot;
import dev.paddock.api.v1alpha1.RetentionSpec;
import dev.paddock.api.v1alpha1.StudyRetentionStatus;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.contract.store.StoreUnavailableException;
import dev.paddock.operator.archive.ArchiveKeys;
import dev.paddock.operator.k8s.KubeEvents;
import dev.paddock.operator.k8s.StudyTrials;
import dev.paddock.operator.k8s.archive.RetiredTrials;
import dev.paddock.operator.retention.RetainedTrial;
import dev.paddock.operator.retention.Retention;
import dev.paddock.operator.retention.RetentionPlan;
import dev.paddock.operator.retention.RetentionPolicy;
import dev.paddock.operator.search.TrialState;
import dev.paddock.operator.study.StudyDefinition;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The retention step of a study's reconcile ({@code spec.retention}), applying the shared {@link
 * Retention} plan: Jobs and pods of finished trials go after {@code podTTLSeconds} ({@link
 * JobTtl}); Trials beyond {@code keepTrials} are deleted worst first, never an archived, deployed
 * or archive-chosen one, each recorded first in {@link RetiredTrials} so the study still counts it;
 * artifacts of trials that were not archived are deleted after {@code artifactTTLDays}. With {@code
 * dryRun} nothing is deleted: what would be is in an Event and the status.
 */
final class StudyRetention {

  /**
   * @param status null when the study has no retention block and never retired a trial
   * @param retired every retired trial's record; empty when {@code readable} is false
   * @param readable false when retired trials exist but the store could not be read
   * @param storeProblem why the store could not be used; null when it could
   * @param nextExpiry when the next trial's artifacts expire (artifactTTLDays); null: none will
   */
  record Outcome(
      StudyRetentionStatus status,
      List<Trial> retired,
      boolean readable,
      String storeProblem,
      Instant nextExpiry) {

    Outcome(
        StudyRetentionStatus status, List<Trial> retired, boolean readable, String storeProblem) {
      this(status, retired, readable, storeProblem, null);
    }

    Outcome expiringAt(Instant at) {
      return new Outcome(status, retired, readable, storeProblem, at);
    }
  }

  /** On a Trial whose artifacts retention deleted (artifactTTLDays): when. */
  static final String ARTIFACTS_EXPIRED = "paddock.dev/artifacts-expired";

  private final Clock clock;
  private final RetiredTrials records;
  private final JobTtl jobTtl = new JobTtl();

  StudyRetention(Clock clock, RetiredTrials records) {
    this.clock = clock;
    this.records = records;
  }

  Outcome run(
      TrainingStudy study,
      StudyDefinition definition,
      Collection<Trial> trials,
      Set<String> chosenForArchive,
      Supplier<ArtifactStore> store,
      KubernetesClient client) {
    RetentionSpec spec = study.getSpec().retention();
    StudyRetentionStatus before = study.getStatus() == null ? null : study.getStatus().retention();
    if (spec == null && (before == null || Objects.requireNonNullElse(before.retired(), 0) == 0)) {
      return new Outcome(null, List.of(), true, null);
    }
    boolean mayExist = before != null && Objects.requireNonNullElse(before.retired(), 0) > 0;
    List<Trial> retired;
    try {
      retired = records.read(store.get(), study, mayExist);
    } catch (StoreUnavailableException e) {
      return new Outcome(before, List.of(), false, e.getMessage());
    }
    if (spec == null) {
      return new Outcome(status(retired, before, null, 0), retired, true, null);
    }
    Set<String> gone = names(retired);
    List<Trial> finished =
        trials.stream()
            .filter(t -> !gone.contains(t.getMetadata().getName()))
            .filter(t -> StudyTrials.of(t).observation().state() != TrialState.RUNNING)
            .toList();
    boolean dryRun = Boolean.TRUE.equals(spec.dryRun());
    if (spec.podTTLSeconds() != null && !dryRun) {
      jobTtl.apply(client, study.getMetadata().getUid(), finished, spec.podTTLSeconds());
    }
    Planned planned = plan(study, definition, spec, finished, chosenForArchive, client);
    RetentionPlan plan = planned.plan();
    if (dryRun) {
      String summary = StudyArchiving.bounded(plan.summary());
      if (!plan.isEmpty() && (before == null || !Objects.equals(before.dryRun(), summary))) {
        new KubeEvents(client, clock).normal(study, "RetentionDryRun", summary);
      }
      return new Outcome(
              status(retired, before, plan.isEmpty() ? null : summary, 0), retired, true, null)
          .expiringAt(planned.nextExpiry());
    }
    try {
      apply(study, plan, finished, store.get(), client);
      List<Trial> all = records.read(store.get(), study, true);
      return new Outcome(status(all, before, null, plan.artifacts().size()), all, true, null)
          .expiringAt(planned.nextExpiry());
    } catch (StoreUnavailableException e) {
      List<Trial> known = records.read(store.get(), study, true);
      return new Outcome(status(known, before, null, 0), known, true, e.getMessage());
    }
  }

  /** What to delete now, and when the next artifacts expire (null: none will). */
  private record Planned(RetentionPlan plan, Instant nextExpiry) {}

  private Planned plan(
      TrainingStudy study,
      StudyDefinition definition,
      RetentionSpec spec,
      List<Trial> finished,
      Set<String> chosenForArchive,
      KubernetesClient client) {
    Set<String> keep = new HashSet<>(chosenForArchive);
    if (spec.keepTrials() != null || spec.artifactTTLDays() != null) {
      keep.addAll(deployed(client, study.getMetadata().getNamespace()));
    }
    List<RetainedTrial> retained =
        finished.stream()
            .map(
                t ->
                    new RetainedTrial(
                        t.getMetadata().getName(),
                        t.getSpec().index(),
                        t.getStatus() == null ? null : t.getStatus().objective(),
                        completion(t),
                        keep.contains(t.getMetadata().getName())
                            || (t.getStatus() != null && t.getStatus().archived() != null)))
            .toList();
    RetentionPolicy policy = new RetentionPolicy(spec.keepTrials(), spec.artifactTTLDays(), false);
    RetentionPlan plan =
        Retention.plan(policy, definition.objective().direction(), retained, clock.instant());
    // Artifacts already deleted are not planned again.
    Set<String> withArtifacts =
        finished.stream()
            .filter(t -> !artifactsExpired(t))
            .map(t -> t.getMetadata().getName())
            .collect(Collectors.toSet());
    RetentionPlan now =
        new RetentionPlan(
            plan.trials(),
            plan.artifacts().stream().filter(withArtifacts::contains).toList(),
            Boolean.TRUE.equals(spec.dryRun()));
    Set<String> goingNow = new HashSet<>(now.trials());
    goingNow.addAll(now.artifacts());
    List<RetainedTrial> stillWithArtifacts =
        retained.stream()
            .filter(t -> withArtifacts.contains(t.name()) && !goingNow.contains(t.name()))
            .toList();
    Instant next =
        Retention.nextArtifactExpiry(policy, stillWithArtifacts, clock.instant()).orElse(null);
    return new Planned(now, next);
  }

  /** Deletes what the plan says; returns the trials retired now. */
  private List<Trial> apply(
      TrainingStudy study,
      RetentionPlan plan,
      List<Trial> finished,
      ArtifactStore store,
      KubernetesClient client) {
    if (plan.isEmpty()) {
      return List.of();
    }
    String namespace = study.getMetadata().getNamespace();
    String name = study.getMetadata().getName();
    List<Trial> retiredNow =
        finished.stream().filter(t -> plan.trials().contains(t.getMetadata().getName())).toList();
    if (!retiredNow.isEmpty()) {
      // Records first, then the study's count, then the deletions: whatever a crash interrupts,
      // a deleted trial is recorded and the status says records exist, so it is never
      // forgotten (and its name never reused).
      retiredNow.forEach(t -> records.retire(store, study, t));
      countRetired(client, study, records.read(store, study, true));
    }
    for (Trial trial : retiredNow) {
      store.deletePrefix(ArchiveKeys.trial(namespace, name, trial.getMetadata().getName()));
      client.resource(trial).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
    }
    for (Trial trial : finished) {
      String trialName = trial.getMetadata().getName();
      if (plan.artifacts().contains(trialName)) {
        store.deletePrefix(ArchiveKeys.trial(namespace, name, trialName));
        String patch =
            client
                .getKubernetesSerialization()
                .asJson(
                    Map.of(
                        "metadata",
                        Map.of(
                            "annotations", Map.of(ARTIFACTS_EXPIRED, clock.instant().toString()))));
        client
            .resources(Trial.class)
            .inNamespace(namespace)
            .withName(trialName)
            .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
      }
    }
    new KubeEvents(client, clock)
        .normal(study, "Retention", StudyArchiving.bounded(plan.summary()));
    return retiredNow;
  }

  /** Writes the retired count into the study's status ahead of the reconcile's own status. */
  private static void countRetired(KubernetesClient client, TrainingStudy study, List<Trial> all) {
    Map<String, Object> retention = new java.util.LinkedHashMap<>();
    retention.put("retired", all.size());
    retention.put(
        "highestRetiredIndex", all.stream().mapToInt(t -> t.getSpec().index()).max().orElse(0));
    client
        .resources(TrainingStudy.class)
        .inNamespace(study.getMetadata().getNamespace())
        .withName(study.getMetadata().getName())
        .subresource("status")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            client
                .getKubernetesSerialization()
                .asJson(Map.of("status", Map.of("retention", retention))));
  }

  static boolean artifactsExpired(Trial trial) {
    Map<String, String> annotations = trial.getMetadata().getAnnotations();
    return annotations != null && annotations.containsKey(ARTIFACTS_EXPIRED);
  }

  /** Trials in the serving slots of the namespace's ModelDeployments. */
  private static Set<String> deployed(KubernetesClient client, String namespace) {
    return client.resources(ModelDeployment.class).inNamespace(namespace).list().getItems().stream()
        .filter(d -> d.getStatus() != null && d.getStatus().slots() != null)
        .flatMap(d -> Stream.of(d.getStatus().slots().primary(), d.getStatus().slots().backup()))
        .filter(Objects::nonNull)
        .map(ModelSlot::trial)
        .filter(Objects::nonNull)
        .collect(Collectors.toSet());
  }

  private static Instant completion(Trial trial) {
    String time = trial.getStatus() == null ? null : trial.getStatus().completionTime();
    return time == null ? null : Instant.parse(time);
  }

  private static Set<String> names(List<Trial> trials) {
    return trials.stream().map(t -> t.getMetadata().getName()).collect(Collectors.toSet());
  }

  private static StudyRetentionStatus status(
      List<Trial> retired, StudyRetentionStatus before, String dryRun, int expiredNow) {
    Optional<Integer> highest =
        retired.stream().map(t -> t.getSpec().index()).max(Integer::compare);
    int expired =
        (before == null ? 0 : Objects.requireNonNullElse(before.artifactsExpired(), 0))
            + expiredNow;
    return new StudyRetentionStatus(retired.size(), highest.orElse(null), expired, dryRun);
  }

  void forget(String studyUid) {
    jobTtl.forget(studyUid);
    records.forget(studyUid);
  }

  static Map<String, Trial> byName(Collection<Trial> trials) {
    return trials.stream().collect(Collectors.toMap(t -> t.getMetadata().getName(), t -> t));
  }
}
