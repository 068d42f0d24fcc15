package dev.paddock.testsupport;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Installs CRDs into a test cluster (the kube-api-test one or the real one) and waits for them. */
final class Crds {

  private Crds() {}

  /** Installs (server-side apply) every {@code *.yml}/{@code *.yaml} CRD and waits for it. */
  static void install(KubernetesClient client, Path directory) {
    for (Path file : yamlFiles(directory)) {
      CustomResourceDefinition crd;
      try (InputStream in = Files.newInputStream(file)) {
        crd = client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      client
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .resource(crd)
          .forceConflicts()
          .serverSideApply();
      client
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .withName(crd.getMetadata().getName())
          .waitUntilCondition(Crds::established, 30, TimeUnit.SECONDS);
    }
  }

  /** The repository's generated CRDs, or {@code -Dpaddock.crds.dir}. */
  static Path directory() {
    String override = System.getProperty("paddock.crds.dir");
    return override != null
        ? Path.of(override)
        : TestComponents.repositoryRoot().resolve("crds").resolve("manifests");
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static List<Path> yamlFiles(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list CRDs in " + directory, e);
    }
  }
}
