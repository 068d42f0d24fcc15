package dev.paddock.operator.manifest;

import dev.paddock.api.v1alpha1.ModelDeployment;
import dev.paddock.api.v1alpha1.TrainingStudy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the manifests {@code paddock run} takes (a TrainingStudy or a ModelDeployment, one YAML
 * document) and validates them with the CRDs' own rules, so that a manifest the API server would
 * refuse is refused here with the server's message.
 */
public final class Manifests {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final Map<String, Class<? extends HasMetadata>> TYPES =
      Map.of("TrainingStudy", TrainingStudy.class, "ModelDeployment", ModelDeployment.class);
  private static final String TAKES =
      "paddock run takes kind TrainingStudy or ModelDeployment in version paddock.dev/v1alpha1";

  private Manifests() {}

  /** A TrainingStudy or ModelDeployment from {@code file}, validated. */
  public static HasMetadata load(Path file) {
    return read(readFile(file), file.toString());
  }

  /** The TrainingStudy in {@code file}, validated; refused if the file holds another kind. */
  public static TrainingStudy loadStudy(Path file) {
    return as(load(file), TrainingStudy.class, file.toString());
  }

  /** The ModelDeployment in {@code file}, validated; refused if the file holds another kind. */
  public static ModelDeployment loadModelDeployment(Path file) {
    return as(load(file), ModelDeployment.class, file.toString());
  }

  /**
   * A TrainingStudy or ModelDeployment from YAML text, validated.
   *
   * @param source names the text in messages (a file name)
   * @throws InvalidManifestException with the API server's message when it would refuse the
   *     manifest, or a plain one when the text is not such a manifest
   */
  public static HasMetadata read(String yaml, String source) {
    Map<String, Object> resource = asResource(ManifestYaml.parse(yaml, source), source);
    ResourceSchema schema = schemaOf(resource, source);
    String name = metadataName(resource);
    List<FieldError> errors = ManifestValidator.paddock().validate(resource, schema);
    if (!errors.isEmpty()) {
      throw new InvalidManifestException(Refusals.message(schema, name, errors), errors);
    }
    if (name.isEmpty()) {
      throw new InvalidManifestException(
          source + ": metadata.name is required: paddock run names the study's folder after it");
    }
    try {
      return SERIALIZATION.convertValue(resource, TYPES.get(schema.kind()));
    } catch (RuntimeException e) {
      throw new InvalidManifestException(
          source
              + " passes the CRD's validation but cannot be read as a "
              + schema.kind()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Refuses to replace {@code existing} by {@code edited} where the API server would by the CRD's
   * transition rules (a field fixed once the object exists), with the server's message. Both are
   * compared as the server compares them: serialized, pruned and defaulted.
   *
   * @throws InvalidManifestException with the server's message and its field errors
   */
  public static void checkEdit(HasMetadata existing, HasMetadata edited) {
    Map<String, Object> resource = toMap(edited);
    String source = edited.getKind() + " " + edited.getMetadata().getName();
    ResourceSchema schema = schemaOf(resource, source);
    List<FieldError> errors =
        ManifestValidator.paddock().validateTransition(resource, toMap(existing), schema);
    if (!errors.isEmpty()) {
      throw new InvalidManifestException(
          Refusals.message(schema, metadataName(resource), errors), errors);
    }
  }

  private static Map<String, Object> toMap(HasMetadata resource) {
    return asResource(SERIALIZATION.convertValue(resource, Map.class), resource.getKind());
  }

  private static String readFile(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidManifestException("cannot read " + file + ": " + e, e);
    }
  }

  private static Map<String, Object> asResource(Object document, String source) {
    if (document instanceof Map<?, ?> map) {
      return StructuralPruner.asObject(map);
    }
    throw new InvalidManifestException(
        source
            + " is not a Kubernetes manifest: expected a mapping with apiVersion, kind,"
            + " metadata and spec, found "
            + SchemaValidator.jsonType(document));
  }

  private static ResourceSchema schemaOf(Map<String, Object> resource, String source) {
    Object apiVersion = resource.get("apiVersion");
    Object kind = resource.get("kind");
    if (!(apiVersion instanceof String) || !(kind instanceof String)) {
      String missing = !(apiVersion instanceof String) ? "apiVersion" : "kind";
      throw new InvalidManifestException(source + ": " + missing + " not set: " + TAKES);
    }
    Optional<ResourceSchema> schema =
        ManifestValidator.paddock().catalog().find((String) apiVersion, (String) kind);
    if (schema.isEmpty() || !TYPES.containsKey(kind)) {
      throw new InvalidManifestException(
          source
              + ": no matches for kind "
              + GoFormat.quote((String) kind)
              + " in version "
              + GoFormat.quote((String) apiVersion)
              + ": "
              + TAKES);
    }
    return schema.get();
  }

  private static String metadataName(Map<String, Object> resource) {
    if (resource.get("metadata") instanceof Map<?, ?> metadata
        && metadata.get("name") instanceof String name) {
      return name;
    }
    return "";
  }

  private static <T> T as(HasMetadata resource, Class<T> type, String source) {
    if (type.isInstance(resource)) {
      return type.cast(resource);
    }
    throw new InvalidManifestException(
        source + " holds a " + resource.getKind() + ", not a " + type.getSimpleName());
  }
}
