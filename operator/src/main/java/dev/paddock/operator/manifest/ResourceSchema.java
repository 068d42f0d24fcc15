package dev.paddock.operator.manifest;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;

/**
 * What the API server knows of one served version of a custom resource: its group, version and
 * kind, its OpenAPI schema, and whether status is a subresource (then a create drops it).
 *
 * @param group the API group, such as {@code paddock.dev}
 * @param version the version, such as {@code v1alpha1}
 * @param kind the kind, such as {@code TrainingStudy}
 * @param namespaced whether objects live in a namespace
 * @param schema the version's {@code openAPIV3Schema}
 * @param statusSubresource whether {@code status} is a subresource
 */
public record ResourceSchema(
    String group,
    String version,
    String kind,
    boolean namespaced,
    JSONSchemaProps schema,
    boolean statusSubresource) {

  /** The version of a CRD that is served with the given name. */
  static ResourceSchema of(CustomResourceDefinition crd, String versionName) {
    CustomResourceDefinitionVersion version =
        crd.getSpec().getVersions().stream()
            .filter(v -> v.getName().equals(versionName))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        crd.getMetadata().getName() + " has no version " + versionName));
    return new ResourceSchema(
        crd.getSpec().getGroup(),
        version.getName(),
        crd.getSpec().getNames().getKind(),
        "Namespaced".equals(crd.getSpec().getScope()),
        version.getSchema().getOpenAPIV3Schema(),
        version.getSubresources() != null && version.getSubresources().getStatus() != null);
  }

  /** {@code group/version}, as manifests write it in {@code apiVersion}. */
  public String apiVersion() {
    return group + "/" + version;
  }

  /** {@code Kind.group}, as the server names the resource in a refusal. */
  public String qualifiedKind() {
    return kind + "." + group;
  }
}
