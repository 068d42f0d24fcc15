package dev.paddock.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A pod on the real node that calls a Service the way another workload would: through CoreDNS and
 * the Service's ClusterIP (kube-proxy), with plain HTTP/1.1 written by bash over {@code /dev/tcp}
 * (the operator image has bash and no HTTP client).
 */
final class ClientPod {

  /** One POST; prints the whole response (status line, headers, body). */
  private static final String REQUEST =
      "req() { exec 3<>/dev/tcp/$HOST/80 || return 1; printf 'POST %s HTTP/1.1\\r\\nHost: %s\\r\\n"
          + "Content-Type: application/json\\r\\nContent-Length: %d\\r\\nConnection: close\\r\\n"
          + "\\r\\n%s' \"$URL_PATH\" \"$HOST\" \"${#BODY}\" \"$BODY\" >&3; cat <&3; exec 3<&-; }; ";

  /** Requests back to back for $SECONDS_TO_RUN seconds; counts 200s and everything else. */
  private static final String LOAD =
      "end=$((SECONDS + SECONDS_TO_RUN)); ok=0; failed=0; while ((SECONDS < end)); do "
          + "status=$(req 2>&1 | head -1); if [[ $status == *' 200 '* ]]; then ok=$((ok + 1)); "
          + "else failed=$((failed + 1)); echo \"failed: $status\"; fi; done; "
          + "echo \"ok=$ok failed=$failed\"";

  private final ChartCommands commands;
  private final String namespace;
  private final String name = "client";

  private ClientPod(ChartCommands commands, String namespace) {
    this.commands = commands;
    this.namespace = namespace;
  }

  /** Starts the pod (the operator image, idle) and waits until it runs. */
  static ClientPod start(KubernetesClient client, ChartCommands commands, String ns, String image) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("client")
            .withNamespace(ns)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("client")
            .withImage(image)
            .withImagePullPolicy("Never")
            .withCommand("sleep", "3600")
            .endContainer()
            .withTerminationGracePeriodSeconds(1L)
            .endSpec()
            .build();
    client.resource(pod).create();
    client
        .pods()
        .inNamespace(ns)
        .withName("client")
        .waitUntilCondition(
            p -> p != null && "Running".equals(p.getStatus().getPhase()), 2, TimeUnit.MINUTES);
    return new ClientPod(commands, ns);
  }

  /** The body of one POST of {@code body} to {@code http://host/path}, which must answer 200. */
  String post(String host, String path, String body) {
    ChartCommands.Result result = exec(host, path, body, REQUEST + "req");
    assertThat(result.exit()).as(result.toString()).isZero();
    String response = result.out();
    assertThat(response.lines().findFirst().orElse("")).as(response).contains(" 200 ");
    return response.substring(response.indexOf("\r\n\r\n") + 4);
  }

  /** Starts POSTing for {@code seconds}; the future completes with the counts line. */
  CompletableFuture<String> load(String host, String path, String body, int seconds) {
    return CompletableFuture.supplyAsync(
        () -> {
          ChartCommands.Result result =
              exec(host, path, body, "SECONDS_TO_RUN=" + seconds + "; " + REQUEST + LOAD);
          assertThat(result.exit()).as(result.toString()).isZero();
          return result.out();
        });
  }

  private ChartCommands.Result exec(String host, String path, String body, String script) {
    String env = "HOST=" + quote(host) + " URL_PATH=" + quote(path) + " BODY=" + quote(body);
    return commands.kubectl(
        null, "exec", "-n", namespace, name, "--", "bash", "-c", env + "; " + script);
  }

  private static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
