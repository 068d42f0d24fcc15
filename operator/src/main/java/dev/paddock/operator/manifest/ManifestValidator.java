package dev.paddock.operator.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates a custom resource exactly as the API server does on create, without a server: strict
 * decoding (unknown fields are refused), pruning of nulls and defaulting, metadata, the OpenAPI
 * schema, then the CEL rules (skipped, as on the server, when a schema error makes the object's
 * shape unreliable). Thread-safe; build one and reuse it, since compiling CEL takes a while.
 */
public final class ManifestValidator {

  static final String RULES_NOT_CHECKED =
      "some validation rules were not checked because the object was invalid; correct the existing"
          + " errors to complete validation";

  private final CrdCatalog catalog;
  private final CelEnvironment cel = new CelEnvironment();

  /** A validator for the resources of {@code catalog}. */
  public ManifestValidator(CrdCatalog catalog) {
    this.catalog = catalog;
  }

  /** A validator for the Paddock CRDs on the classpath (built once, shared). */
  public static ManifestValidator paddock() {
    return Shared.INSTANCE;
  }

  /** The CRDs this validator knows. */
  public CrdCatalog catalog() {
    return catalog;
  }

  /**
   * Every reason the server would refuse to create {@code resource}, in a stable order; empty when
   * it would accept it. {@code resource} is a decoded manifest (maps, lists, strings, booleans,
   * longs and doubles); it is changed as the server changes it: unknown fields and non-nullable
   * nulls are removed, defaults filled in, and status dropped where it is a subresource.
   *
   * <p>When there are unknown fields, only they are returned (errors of type {@link
   * FieldError.ErrorType#UNKNOWN_FIELD}): the server refuses such a request before validating it.
   */
  public List<FieldError> validate(Map<String, Object> resource, ResourceSchema schema) {
    List<String> unknownFields = StructuralPruner.prune(resource, schema.schema());
    if (!unknownFields.isEmpty()) {
      return unknownFields.stream().map(FieldError::unknownField).toList();
    }
    if (schema.statusSubresource()) {
      resource.remove("status");
    }
    List<FieldError> errors = new ArrayList<>(MetadataValidator.validate(resource.get("metadata")));
    errors.addAll(SchemaValidator.validate(resource, schema.schema()));
    if (errors.stream().anyMatch(e -> e.type().blocksRules())) {
      errors.add(FieldError.invalid("<nil>", null, RULES_NOT_CHECKED));
    } else {
      errors.addAll(CelRuleValidator.validate(cel, resource, schema.schema()));
    }
    return List.copyOf(errors);
  }

  /**
   * Every reason the server would refuse to replace {@code old} by {@code resource} that its
   * transition rules give (the rules that read {@code oldSelf}, such as a field fixed once the
   * object exists), in a stable order; empty when they all pass. Both are decoded manifests and are
   * pruned and defaulted in place, as {@link #validate} does; the rules that do not read {@code
   * oldSelf} are {@link #validate}'s to check.
   */
  public List<FieldError> validateTransition(
      Map<String, Object> resource, Map<String, Object> old, ResourceSchema schema) {
    for (Map<String, Object> object : List.of(resource, old)) {
      StructuralPruner.prune(object, schema.schema());
      if (schema.statusSubresource()) {
        object.remove("status");
      }
    }
    return List.copyOf(TransitionRuleValidator.validate(cel, resource, old, schema.schema()));
  }

  private static final class Shared {
    static final ManifestValidator INSTANCE = new ManifestValidator(CrdCatalog.fromClasspath());
  }
}
