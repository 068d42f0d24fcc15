package dev.paddock.operator.k8s.study;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialSpec;
import dev.paddock.operator.k8s.Labels;
import dev.paddock.operator.k8s.StudyTrials;
import dev.paddock.operator.k8s.epochreport.ClusterReports;
import dev.paddock.operator.search.Suggestion;
import dev.paddock.operator.search.TrialState;
import dev.paddock.operator.study.StudyDefinition;
import dev.paddock.operator.study.StudyPlan;
import dev.paddock.operator.study.SuggestionBasis;
import dev.paddock.operator.study.TrialNames;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * What a study's reconcile writes to its Trials: the planned ones, created under deterministic
 * names (a create that finds the Trial already there is a no-op), and the running ones, marked to
 * stop when the study has ended.
 */
public final class StudyTrialWrites {

  private final StudyTrialSource trialSource;

  /**
   * @param trialSource told of every Trial created, so that the next reconcile, which may run
   *     before the watch delivers it, does not plan it again
   */
  StudyTrialWrites(StudyTrialSource trialSource) {
    this.trialSource = trialSource;
  }

  /**
   * Creates the planned trials concurrently on {@code executor}: one at a time, a first wave of
   * hundreds would wait for hundreds of round trips. A crash in between may leave any subset of
   * them; each carries its batch's {@link SuggestionBasis}, with which the next plan refills the
   * others as they were planned here.
   */
  void createAll(
      KubernetesClient client,
      ExecutorService executor,
      TrainingStudy study,
      StudyDefinition definition,
      StudyRun run,
      StudyPlan plan) {
    CompletableFuture.allOf(
            plan.create().stream()
                .map(
                    suggestion ->
                        CompletableFuture.runAsync(
                            () ->
                                create(
                                    client,
                                    trial(
                                        study,
                                        definition,
                                        run,
                                        suggestion,
                                        plan.basis(suggestion))),
                            executor))
                .toArray(CompletableFuture[]::new))
        .join();
  }

  private void create(KubernetesClient client, Trial trial) {
    try {
      Trial created = client.resource(trial).create();
      // Into the cache at once: the next reconcile must not plan (and create) it again.
      trialSource.created(created);
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
  }

  /**
   * The Trial of a suggestion in the study's first run (the control-plane benchmark keeps such
   * Trials itself, with no operator, to measure what they cost the API server).
   */
  public static Trial trial(
      TrainingStudy study, StudyDefinition definition, Suggestion suggestion) {
    return trial(study, definition, StudyRun.of(null), suggestion, null);
  }

  /**
   * The Trial of a suggestion: named {@code <study>-<index>} (a later run's, {@code
   * <study>-g<run>-<index>}), labelled with its study and run, owned by the study, annotated with
   * the basis of its suggestion (when given).
   */
  static Trial trial(
      TrainingStudy study,
      StudyDefinition definition,
      StudyRun run,
      Suggestion suggestion,
      SuggestionBasis basis) {
    String name = study.getMetadata().getName();
    Trial trial = new Trial();
    trial.setMetadata(
        new ObjectMetaBuilder()
            .withName(TrialNames.of(name, run.generation(), suggestion.index()))
            .withNamespace(study.getMetadata().getNamespace())
            .addToLabels(Labels.STUDY, name)
            .addToLabels(run.label())
            .addToLabels(Labels.MANAGED_BY, Labels.MANAGER)
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion(study.getApiVersion())
                    .withKind(study.getKind())
                    .withName(name)
                    .withUid(study.getMetadata().getUid())
                    .withController(true)
                    .withBlockOwnerDeletion(true)
                    .build())
            .build());
    if (basis != null) {
      trial
          .getMetadata()
          .setAnnotations(new HashMap<>(Map.of(SuggestionBasis.ANNOTATION, basis.toText())));
    }
    trial.setSpec(
        new TrialSpec(
            name, (int) suggestion.index(), definition.epochs(), suggestion.parameters()));
    return trial;
  }

  /**
   * Marks running trials to stop: their next report is answered with stop, and the trainer ends
   * gracefully with its model saved (DESIGN.md, "The trainer contract").
   */
  static void stopRunning(KubernetesClient client, List<Trial> trials, String reason) {
    for (Trial trial : trials) {
      boolean running =
          StudyTrials.state(trial.getStatus() == null ? null : trial.getStatus().phase())
              == TrialState.RUNNING;
      boolean marked =
          trial.getMetadata().getAnnotations() != null
              && trial.getMetadata().getAnnotations().containsKey(ClusterReports.STOP_ANNOTATION);
      if (running && !marked) {
        client
            .resources(Trial.class)
            .inNamespace(trial.getMetadata().getNamespace())
            .withName(trial.getMetadata().getName())
            .edit(
                t -> {
                  t.getMetadata().getAnnotations().put(ClusterReports.STOP_ANNOTATION, reason);
                  return t;
                });
      }
    }
  }
}
