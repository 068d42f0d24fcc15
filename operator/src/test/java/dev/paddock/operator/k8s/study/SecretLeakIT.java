package dev.paddock.operator.k8s.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.StudyPhase;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.operator.epochreport.ReportTokens;
import dev.paddock.operator.k8s.OperatorSettings;
import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.KubeClusterExtension;
import dev.paddock.testsupport.MinioExtension;
import dev.paddock.testsupport.MinioServer;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Secrets never leave the operator: a study with store credentials runs on a real control plane
 * with a real MinIO, archives, retires trials, rides out a store outage and answers reports (good,
 * forged, malformed and late); then everything the operator wrote (its log output, every Event,
 * every TrainingStudy, Trial and Job with its status, every answer of the report endpoint) is
 * searched for the store's access key, its secret key and the report signing key, in every encoding
 * a program might print a key in.
 */
@ExtendWith({KubeClusterExtension.class, MinioExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretLeakIT {

  static {
    // More of the operator's output to search: Paddock's and the operator SDK's loggers at debug
    // (read when a logger is created, so this holds where this class runs first in its JVM).
    System.setProperty("org.slf4j.simpleLogger.log.dev.paddock", "debug");
    System.setProperty("org.slf4j.simpleLogger.log.io.javaoperatorsdk", "debug");
  }

  /** Like the chart's (48 random letters and digits, read from PADDOCK_REPORT_KEY as UTF-8). */
  private final String reportKeyText =
      HexFormat.of().formatHex(ReportTokens.randomKey()).substring(0, 48);

  private final byte[] reportKey = reportKeyText.getBytes(StandardCharsets.UTF_8);
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> answers = new LinkedHashMap<>();
  private PrintStream err;
  private PrintStream out;
  private ClusterStudyFixture fixture;
  private String namespace;
  private String outage;

  @BeforeAll
  void start(KubeCluster cluster, MinioServer minio) {
    err = System.err;
    out = System.out;
    System.setErr(new PrintStream(new Tee(err, log), true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(new Tee(out, log), true, StandardCharsets.UTF_8));
    namespace = cluster.createNamespace("secrets");
    outage = cluster.createNamespace("secrets-outage");
    fixture =
        new ClusterStudyFixture(
            cluster,
            minio,
            "secrets",
            settings ->
                new OperatorSettings(
                    settings,
                    Set.of(namespace, outage),
                    reportKey.clone(),
                    0,
                    0,
                    4,
                    false,
                    "paddock",
                    "default",
                    "it"));
  }

  @AfterAll
  void stop() {
    try {
      fixture.minio.start();
      fixture.close();
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
  }

  @Test
  void noKeyAppearsInLogsEventsObjectsOrReportAnswers() throws Exception {
    KubernetesClient client = fixture.cluster.client();
    client
        .resource(fixture.minio.credentialsSecret("paddock-store"))
        .inNamespace(namespace)
        .create();
    fixture.putTrainerFiles(namespace, 4);
    fixture.createStudy(
        namespace,
        "budget: {maxTrials: 4, parallelism: 2}",
        "  archive: {topPercent: 50, minGrade: C}\n",
        "  retention: {keepTrials: 2, podTTLSeconds: 600, artifactTTLDays: 7}\n");
    report(awaitJob(namespace, "quickstart-0"));
    fixture.awaitPhase(namespace, StudyPhase.Succeeded);
    fixture.awaitStudy(
        namespace,
        s ->
            s.getStatus().archive() != null
                && Objects.equals(s.getStatus().archive().archived(), 2));
    report(awaitJob(namespace, "quickstart-0"));
    storeOutage();

    Map<String, String> written = new LinkedHashMap<>();
    written.put("the operator's log", log.toString(StandardCharsets.UTF_8));
    for (String ns : List.of(namespace, outage)) {
      written.putAll(objects(client, ns));
    }
    answers.forEach((what, body) -> written.put("report answer to " + what, body));

    assertThat(written.get("the operator's log")).contains("Registered reconciler");
    assertThat(written).containsKey("events.k8s.io " + namespace);
    assertThat(written.get("events.k8s.io " + namespace)).contains("Archived");
    assertThat(answers).hasSize(10);
    Map<String, String> secrets = secrets();
    written.forEach(
        (where, text) ->
            secrets.forEach(
                (secret, value) ->
                    // Says where, without printing the text (and the key) itself.
                    assertThat(text.contains(value)).as("%s in %s", secret, where).isFalse()));
  }

  /** A study whose store goes away while it archives: errors are logged, a condition is set. */
  private void storeOutage() {
    fixture.putTrainerFiles(outage, 2);
    fixture.minio.stop();
    try {
      fixture.createStudy(
          outage,
          "budget: {maxTrials: 2, parallelism: 2}",
          "  archive: {topPercent: 100, minGrade: C}\n",
          "");
      fixture.awaitStudy(
          outage,
          s ->
              s.getStatus() != null
                  && s.getStatus().conditions() != null
                  && s.getStatus().conditions().stream()
                      .anyMatch(
                          c ->
                              "ArchiveDegraded".equals(c.getType())
                                  && "True".equals(c.getStatus())));
    } finally {
      fixture.minio.start();
    }
  }

  /** Reports as trial 0's pod would, and as pods that should not. */
  private void report(Job job) throws IOException, InterruptedException {
    String token =
        job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
            .filter(e -> e.getName().equals("PADDOCK_REPORT_TOKEN"))
            .map(EnvVar::getValue)
            .findFirst()
            .orElseThrow();
    String own = body(namespace + "/quickstart-0");
    int round = answers.size() / 5;
    answers.put("own token " + round, post(token, own));
    answers.put("token of another trial " + round, post(token, body(namespace + "/quickstart-1")));
    answers.put("forged token " + round, post("v2.x." + "A".repeat(43), own));
    answers.put("no token " + round, post(null, own));
    answers.put("malformed body " + round, post(token, "{\"trial\":1,\"epoch\":\"x\"}"));
  }

  private static String body(String trial) {
    return "{\"trial\":\"" + trial + "\",\"epoch\":1,\"metrics\":{\"val_f1\":0.5}}";
  }

  private String post(String token, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + fixture.operator().reportPort() + "/v1/report"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.headers().map() + " " + response.body();
  }

  private Job awaitJob(String ns, String name) {
    return fixture
        .cluster
        .client()
        .batch()
        .v1()
        .jobs()
        .inNamespace(ns)
        .withName(name)
        .waitUntilCondition(Objects::nonNull, 120, TimeUnit.SECONDS);
  }

  /** Every object the operator writes or annotates in the namespace, as JSON. */
  private static Map<String, String> objects(KubernetesClient client, String ns) {
    var json = client.getKubernetesSerialization();
    Map<String, String> objects = new LinkedHashMap<>();
    objects.put(
        "events.k8s.io " + ns,
        json.asJson(client.events().v1().events().inNamespace(ns).list().getItems()));
    objects.put(
        "core events " + ns, json.asJson(client.v1().events().inNamespace(ns).list().getItems()));
    objects.put(
        "studies " + ns,
        json.asJson(client.resources(TrainingStudy.class).inNamespace(ns).list().getItems()));
    objects.put(
        "trials " + ns,
        json.asJson(client.resources(Trial.class).inNamespace(ns).list().getItems()));
    objects.put(
        "jobs " + ns, json.asJson(client.batch().v1().jobs().inNamespace(ns).list().getItems()));
    return objects;
  }

  /** The three keys, each as text and in the encodings a key is usually printed in. */
  private Map<String, String> secrets() {
    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put("the store's access key", fixture.minio.accessKey());
    secrets.put("the store's secret key", fixture.minio.secretKey());
    secrets.put(
        "the store's secret key (base64)",
        Base64.getEncoder()
            .encodeToString(fixture.minio.secretKey().getBytes(StandardCharsets.UTF_8)));
    secrets.put("the report key", reportKeyText);
    secrets.put("the report key (base64)", Base64.getEncoder().encodeToString(reportKey));
    secrets.put(
        "the report key (base64url)",
        Base64.getUrlEncoder().withoutPadding().encodeToString(reportKey));
    secrets.put("the report key (hex)", HexFormat.of().formatHex(reportKey));
    secrets.put("the report key (HEX)", HexFormat.of().withUpperCase().formatHex(reportKey));
    secrets.put("the report key (bytes)", java.util.Arrays.toString(reportKey));
    return secrets;
  }

  /** Writes to the original stream and to the captured log. */
  private static final class Tee extends OutputStream {
    private final OutputStream original;
    private final ByteArrayOutputStream copy;

    Tee(OutputStream original, ByteArrayOutputStream copy) {
      this.original = original;
      this.copy = copy;
    }

    @Override
    public void write(int b) throws IOException {
      original.write(b);
      synchronized (copy) {
        copy.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      original.write(b, off, len);
      synchronized (copy) {
        copy.write(b, off, len);
      }
    }

    @Override
    public void flush() throws IOException {
      original.flush();
    }
  }
}
