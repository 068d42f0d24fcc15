package dev.paddock.operator.k8s.serving;

import dev.paddock.api.v1alpha1.ModelSource;
import dev.paddock.api.v1alpha1.PinnedModel;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.contract.store.StoreUnavailableException;
import dev.paddock.operator.archive.ArchiveIndex;
import dev.paddock.operator.rollout.Rollout;
import dev.paddock.operator.rollout.Slot;
import dev.paddock.operator.rollout.Source;
import dev.paddock.operator.search.Direction;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What a ModelDeployment's source offers: the best archived model of its study (read from the
 * study's archive index in the artifact store, the index the archiver writes), or a pinned model
 * (looked up in the namespace's archives for its grade and objective when it is one of them).
 */
final class ModelSources {

  private final ArtifactStore store;

  ModelSources(ArtifactStore store) {
    this.store = store;
  }

  /** The study's objective direction; maximize when there is no study. */
  static Direction direction(TrainingStudy study) {
    return study == null || study.getSpec().objective() == null
        ? Direction.MAXIMIZE
        : Direction.parse(study.getSpec().objective().direction().name());
  }

  /**
   * @param study the source's study (null when not found or when the source is a pinned model)
   * @param primary the model served now (a pinned model already served is not looked up again)
   * @param failed codes that must not be offered again
   */
  Source resolve(
      String namespace,
      ModelSource source,
      TrainingStudy study,
      Slot primary,
      Collection<String> failed,
      Instant now) {
    try {
      return source.study() != null
          ? fromStudy(namespace, source.study(), study, failed, now)
          : pinned(namespace, source.model(), primary, now);
    } catch (StoreUnavailableException e) {
      // The message names the store's location, never its credentials.
      return Source.none("StoreUnavailable", e.getMessage());
    }
  }

  private Source fromStudy(
      String namespace, String name, TrainingStudy study, Collection<String> failed, Instant now) {
    if (study == null) {
      return Source.none(
          "StudyNotFound", "TrainingStudy " + name + " not found in namespace " + namespace);
    }
    List<Slot> archived =
        ArchiveIndex.read(store, namespace, name).stream().map(e -> slot(e, now)).toList();
    if (archived.isEmpty()) {
      return Source.none("NoArchivedModel", "study " + name + " has no archived model yet");
    }
    return Rollout.best(archived, failed, direction(study))
        .map(Source::archived)
        .orElseGet(
            () ->
                Source.none(
                    "NoArchivedModel",
                    "every archived model of study " + name + " was rolled back"));
  }

  private Source pinned(String namespace, PinnedModel model, Slot primary, Instant now) {
    if (primary != null
        && (model.uri() != null
            ? model.uri().equals(primary.uri())
            : model.code().equals(primary.code()))) {
      return Source.pinned(primary);
    }
    Optional<Slot> archived = archived(namespace, model, now);
    if (archived.isPresent()) {
      return Source.pinned(archived.get());
    }
    if (model.uri() == null) {
      return Source.none(
          "ModelNotFound",
          "no archived model with code " + model.code() + " in namespace " + namespace);
    }
    String code = model.code() != null ? model.code() : lastSegment(model.uri());
    return Source.pinned(new Slot(code, null, null, Double.NaN, model.uri(), now));
  }

  /** The pinned model's archive entry: by code among the namespace's studies, or by its URI. */
  private Optional<Slot> archived(String namespace, PinnedModel model, Instant now) {
    String study;
    if (model.uri() != null) {
      String root = store.uri("archive/" + namespace + "/");
      if (!model.uri().startsWith(root)) {
        return Optional.empty();
      }
      study = model.uri().substring(root.length()).split("/", 2)[0];
    } else {
      String suffix = "/index/" + model.code() + ".json";
      study =
          store.list("archive/" + namespace + "/").stream()
              .filter(k -> k.endsWith(suffix))
              .map(k -> k.substring(("archive/" + namespace + "/").length()).split("/", 2)[0])
              .findFirst()
              .orElse(null);
      if (study == null) {
        return Optional.empty();
      }
    }
    return ArchiveIndex.read(store, namespace, study).stream()
        .filter(
            e ->
                model.uri() != null
                    ? trimmed(e.uri()).equals(trimmed(model.uri()))
                    : e.code().equals(model.code()))
        .findFirst()
        .map(e -> slot(e, now));
  }

  private static Slot slot(ArchiveIndex.Entry entry, Instant now) {
    return new Slot(
        entry.code(), entry.trial(), entry.grade(), entry.objective(), entry.uri(), now);
  }

  private static String trimmed(String uri) {
    return uri.replaceAll("/+$", "");
  }

  private static String lastSegment(String uri) {
    String[] parts = trimmed(uri).split("/");
    return parts[parts.length - 1];
  }
}
