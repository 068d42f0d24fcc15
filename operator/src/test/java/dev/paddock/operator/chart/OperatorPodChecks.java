package dev.paddock.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What the chart's operator pod must be on a real node, checked from outside as a person would. */
final class OperatorPodChecks {

  private final KubernetesClient client;
  private final ChartCommands commands;
  private final String namespace;

  OperatorPodChecks(KubernetesClient client, ChartCommands commands, String namespace) {
    this.client = client;
    this.commands = commands;
    this.namespace = namespace;
  }

  /** Its process runs as the chart's uid, and its root filesystem refuses writes. */
  void runsAsNonRootOnReadOnlyRoot(Pod pod) {
    String name = pod.getMetadata().getName();
    ChartCommands.Result id =
        commands.kubectl(null, "exec", "-n", namespace, name, "--", "id", "-u");
    assertThat(id.exit()).as(id.toString()).isZero();
    assertThat(id.out().strip()).isEqualTo("65532");
    ChartCommands.Result write =
        commands.kubectl(null, "exec", "-n", namespace, name, "--", "touch", "/opt/paddock/x");
    assertThat(write.exit()).isNotZero();
    assertThat(write.err()).contains("Read-only file system");
  }

  /** Whether the pod holds a leader-election Lease in its namespace. */
  boolean holdsTheLease(Pod pod) {
    return client.leases().inNamespace(namespace).list().getItems().stream()
        .anyMatch(l -> pod.getMetadata().getName().equals(l.getSpec().getHolderIdentity()));
  }

  /** {@code /metrics} scraped from the pod's own address, as Prometheus would. */
  String metrics(Pod pod) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://" + pod.getStatus().getPodIP() + ":8081/metrics"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
