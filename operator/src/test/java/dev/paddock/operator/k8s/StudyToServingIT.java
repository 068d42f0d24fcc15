package dev.paddock.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paddock.api.v1alpha1.ModelDeployment;
import dev.paddock.api.v1alpha1.StudyPhase;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.KubeClusterExtension;
import dev.paddock.testsupport.MinioExtension;
import dev.paddock.testsupport.MinioServer;
import dev.paddock.testsupport.ProcessReaper;
import dev.paddock.testsupport.TestComponents;
import dev.paddock.testsupport.kubelet.KubeletHarness;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * From a study to a served model, everything real: trial pods run the DJL trainer on a node the
 * {@link KubeletHarness} plays, the operator archives the best trials to MinIO and retires the
 * rest, and the ModelDeployment's pods (the same harness runs {@code paddock-trainer serve}) answer
 * predictions with the best archived model's.
 */
@ExtendWith({KubeClusterExtension.class, MinioExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudyToServingIT {

  private static final String NODE = "serving-node";
  private static final String BUCKET = "paddock-served";
  private static final String JAVA_OPTS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx384m";
  private static final ObjectMapper JSON = new ObjectMapper();

  private KubeCluster cluster;
  private MinioServer minio;
  private RealTrainerCluster real;

  @BeforeAll
  void start(KubeCluster cluster, MinioServer minio) {
    this.cluster = cluster;
    this.minio = minio;
    real = new RealTrainerCluster(cluster, minio, NODE, BUCKET);
  }

  @AfterAll
  void stop() {
    if (real != null) {
      real.close();
    }
  }

  @Test
  void aStudyEndsArchivedRetiredAndServedFromItsBestModel() throws Exception {
    String namespace = cluster.createNamespace("served");
    real.createStoreSecret(namespace);
    String[] manifests =
        Files.readString(Path.of("src/test/resources/e2e/served-study.yaml")).split("\n---\n");
    var serialization = cluster.client().getKubernetesSerialization();
    TrainingStudy study = serialization.unmarshal(manifests[0], TrainingStudy.class);
    study.getMetadata().setNamespace(namespace);
    cluster.client().resource(study).create();

    TrainingStudy done = awaitArchivedAndRetired(namespace);
    // The top half is judged as trials finish, and an archive is never taken back: two or three
    // trials are archived, depending on the order they ended in. Every other trial is retired
    // (keepTrials 2, and archived trials are never deleted).
    int archived = done.getStatus().archive().archived();
    List<Trial> kept = trials(namespace);
    assertThat(kept)
        .hasSize(archived)
        .allSatisfy(t -> assertThat(t.getStatus().archived()).startsWith("s3://" + BUCKET));
    assertThat(done.getStatus().retention().retired()).isEqualTo(4 - archived);
    assertThat(real.objects("studies/" + namespace + "/served/retired/")).hasSize(4 - archived);
    for (Trial trial : kept) {
      String prefix = trial.getStatus().archived().substring(("s3://" + BUCKET + "/").length());
      assertThat(real.objects(prefix))
          .contains(prefix + "checksums.sha256", prefix + "metadata.json")
          .anyMatch(k -> k.startsWith(prefix + "model/"));
    }
    awaitNoJobs(namespace);
    Trial best =
        kept.stream().max(Comparator.comparingDouble(t -> t.getStatus().objective())).get();
    assertThat(done.getStatus().best().trial()).isEqualTo(best.getMetadata().getName());

    ModelDeployment deployment = serialization.unmarshal(manifests[1], ModelDeployment.class);
    deployment.getMetadata().setNamespace(namespace);
    cluster.client().resource(deployment).create();
    ModelDeployment ready = awaitReady(namespace);

    assertThat(ready.getStatus().slots().primary().code()).isEqualTo(best.getStatus().code());
    assertThat(ready.getStatus().slots().primary().uri()).isEqualTo(best.getStatus().archived());
    String rows =
        "{\"rows\":[{\"x0\":0.1,\"x1\":0.9},{\"x0\":1.8,\"x1\":-0.3},{\"x0\":-0.7,\"x1\":0.4}]}";
    JsonNode served = JSON.readTree(post(servingEndpoint(namespace), rows));
    JsonNode reference = JSON.readTree(referencePredictions(best.getStatus().archived(), rows));
    assertThat(served.path("predictions")).hasSize(3);
    assertThat(served).isEqualTo(reference);
  }

  private TrainingStudy awaitArchivedAndRetired(String namespace) {
    try {
      return cluster
          .client()
          .resources(TrainingStudy.class)
          .inNamespace(namespace)
          .withName("served")
          .waitUntilCondition(
              s ->
                  s != null
                      && s.getStatus() != null
                      && s.getStatus().phase() == StudyPhase.Succeeded
                      && s.getStatus().archive() != null
                      && s.getStatus().archive().archived() != null
                      && s.getStatus().archive().archived() >= 2
                      && s.getStatus().retention() != null
                      && Integer.valueOf(4 - s.getStatus().archive().archived())
                          .equals(s.getStatus().retention().retired()),
              480,
              TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      throw new AssertionError(
          "the study did not end archived and retired: "
              + cluster
                  .client()
                  .resources(TrainingStudy.class)
                  .inNamespace(namespace)
                  .withName("served")
                  .get()
                  .getStatus()
              + "\ntrainer logs:\n"
              + real.kubelet.logs(),
          e);
    }
  }

  /** podTTLSeconds: the ended trials' Jobs (and their pods) are gone. */
  private void awaitNoJobs(String namespace) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (!cluster.client().batch().v1().jobs().inNamespace(namespace).list().getItems().isEmpty()
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
    }
    assertThat(cluster.client().batch().v1().jobs().inNamespace(namespace).list().getItems())
        .isEmpty();
  }

  private ModelDeployment awaitReady(String namespace) {
    try {
      return cluster
          .client()
          .resources(ModelDeployment.class)
          .inNamespace(namespace)
          .withName("served")
          .waitUntilCondition(
              d ->
                  d != null
                      && d.getStatus() != null
                      && d.getStatus().conditions() != null
                      && d.getStatus().conditions().stream()
                          .anyMatch(
                              c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())),
              300,
              TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      throw new AssertionError(
          "the ModelDeployment did not become ready: "
              + cluster
                  .client()
                  .resources(ModelDeployment.class)
                  .inNamespace(namespace)
                  .withName("served")
                  .get()
                  .getStatus()
              + "\nlogs:\n"
              + real.kubelet.logs(),
          e);
    }
  }

  /**
   * Where the Service sends traffic: a ready pod its selector picks, at the port it targets. (No
   * kube-proxy here, and the API server refuses the harness's loopback pod IPs in EndpointSlices,
   * so the test resolves the Service as kube-proxy would.)
   */
  private URI servingEndpoint(String namespace) {
    Service service = cluster.client().services().inNamespace(namespace).withName("served").get();
    List<Pod> ready =
        cluster
            .client()
            .pods()
            .inNamespace(namespace)
            .withLabels(service.getSpec().getSelector())
            .list()
            .getItems()
            .stream()
            .filter(StudyToServingIT::isReady)
            .toList();
    assertThat(ready).isNotEmpty();
    String port = service.getSpec().getPorts().get(0).getTargetPort().getStrVal();
    int number =
        ready.get(0).getSpec().getContainers().stream()
            .flatMap(c -> c.getPorts().stream())
            .filter(p -> port == null || port.equals(p.getName()))
            .findFirst()
            .orElseThrow()
            .getContainerPort();
    return URI.create(
        "http://" + ready.get(0).getStatus().getPodIP() + ":" + number + "/v1/predict");
  }

  private static boolean isReady(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** The same rows through {@code paddock-trainer serve} of the archived model, run here. */
  private String referencePredictions(String modelUri, String rows) throws Exception {
    int port = TestComponents.freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
                real.trainer.toString(),
                "serve",
                "--model",
                modelUri,
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(Files.createTempFile("reference-serve", ".log").toFile());
    builder.environment().put("PADDOCK_S3_ENDPOINT", minio.endpoint());
    builder.environment().put("PADDOCK_S3_ACCESS_KEY", minio.accessKey());
    builder.environment().put("PADDOCK_S3_SECRET_KEY", minio.secretKey());
    builder.environment().put("JAVA_OPTS", JAVA_OPTS);
    Process process = builder.start();
    ProcessReaper.register(process);
    try {
      URI base = URI.create("http://127.0.0.1:" + port);
      Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
      while (!ready(base.resolve("/readyz")) && Instant.now().isBefore(deadline)) {
        assertThat(process.isAlive()).as("the reference serve process is running").isTrue();
        Thread.sleep(250);
      }
      return post(base.resolve("/v1/predict"), rows);
    } finally {
      ProcessReaper.terminate(process);
    }
  }

  private static boolean ready(URI uri) {
    try {
      return HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String post(URI uri, String body) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private List<Trial> trials(String namespace) {
    return cluster.client().resources(Trial.class).inNamespace(namespace).list().getItems();
  }
}
