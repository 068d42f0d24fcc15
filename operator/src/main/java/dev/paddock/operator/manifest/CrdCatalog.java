package dev.paddock.operator.manifest;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Paddock CRDs, read from the {@code paddock-crds} jar, by kind and version. */
public final class CrdCatalog {

  /** Where the {@code paddock-crds} jar keeps the generated CRDs. */
  static final String CLASSPATH_FOLDER = "META-INF/paddock/crds/";

  private static final List<String> CRD_FILES =
      List.of(
          "trainingstudies.paddock.dev-v1.yml",
          "modeldeployments.paddock.dev-v1.yml",
          "trials.paddock.dev-v1.yml");

  private final List<ResourceSchema> schemas;

  private CrdCatalog(List<ResourceSchema> schemas) {
    this.schemas = List.copyOf(schemas);
  }

  /** The CRDs shipped on the classpath. */
  public static CrdCatalog fromClasspath() {
    ClassLoader loader = CrdCatalog.class.getClassLoader();
    List<CustomResourceDefinition> crds = new ArrayList<>();
    for (String file : CRD_FILES) {
      try (InputStream in = loader.getResourceAsStream(CLASSPATH_FOLDER + file)) {
        if (in == null) {
          throw new IllegalStateException(CLASSPATH_FOLDER + file + " is not on the classpath");
        }
        crds.add(parse(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return of(crds);
  }

  /** A catalog of the served versions of the given CRDs. */
  public static CrdCatalog of(List<CustomResourceDefinition> crds) {
    List<ResourceSchema> schemas = new ArrayList<>();
    for (CustomResourceDefinition crd : crds) {
      crd.getSpec().getVersions().stream()
          .filter(v -> !Boolean.FALSE.equals(v.getServed()))
          .forEach(v -> schemas.add(ResourceSchema.of(crd, v.getName())));
    }
    return new CrdCatalog(schemas);
  }

  /** Reads one CRD from YAML. */
  public static CustomResourceDefinition parse(InputStream yaml) {
    return new KubernetesSerialization().unmarshal(yaml, CustomResourceDefinition.class);
  }

  /** The schema for a manifest's {@code apiVersion} and {@code kind}, if this catalog has one. */
  public Optional<ResourceSchema> find(String apiVersion, String kind) {
    return schemas.stream()
        .filter(s -> s.apiVersion().equals(apiVersion) && s.kind().equals(kind))
        .findFirst();
  }

  /** Every served kind and version. */
  public List<ResourceSchema> schemas() {
    return schemas;
  }
}
