package dev.paddock.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.operator.chart.ChartCommands.Result;
import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.KubeClusterExtension;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the chart lets the operator do, and who may reach it: {@code kubectl auth can-i --list} for
 * the operator's ServiceAccount, in both RBAC modes, equals the reviewed lists in {@code
 * src/test/resources/chart-rbac/} (a verb more or less fails the test: review the list when the
 * operator's client calls change); and the optional NetworkPolicy renders and is accepted by the
 * API server, admitting only trial pods to the report port.
 */
@ExtendWith(KubeClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartSecurityIT {

  private KubeCluster cluster;
  private ChartCommands commands;
  private final List<String> namespaces = new ArrayList<>();

  @BeforeAll
  void setUp(KubeCluster cluster) {
    this.cluster = cluster;
    commands = new ChartCommands(cluster);
  }

  @AfterEach
  void removeDeployments() {
    for (String ns : namespaces) {
      cluster.client().apps().deployments().inNamespace(ns).delete();
    }
    namespaces.clear();
  }

  @AfterAll
  void tearDown() {
    commands.close();
  }

  @Test
  void clusterWideRbacIsExactlyTheReviewedList() {
    String system = namespace("paddock-sec");
    String watched = namespace("team-sec");
    String release = "paddock-" + UUID.randomUUID().toString().substring(0, 6);
    commands.apply(commands.template(release, system), null);
    Map<String, String> names = Map.of(release, "${release}", system, "${system}");

    assertRights(
        release,
        system,
        names,
        Map.of(watched, "cluster-wide-watched.txt", system, "cluster-wide-release.txt"));
  }

  @Test
  void namespacedRbacIsExactlyTheReviewedList() {
    String system = namespace("paddock-sec");
    String watched = namespace("team-sec");
    String other = namespace("other-sec");
    String release = "paddock-" + UUID.randomUUID().toString().substring(0, 6);
    commands.apply(
        commands.template(release, system, "--set", "watchNamespaces={" + watched + "}"), null);
    Map<String, String> names = Map.of(release, "${release}", system, "${system}");

    assertRights(
        release,
        system,
        names,
        Map.of(
            watched, "namespaced-watched.txt",
            system, "namespaced-release.txt",
            other, "namespaced-other.txt"));
  }

  @Test
  void theNetworkPolicyAdmitsOnlyTrialPodsToTheReportPort() {
    String system = namespace("paddock-np");
    String watched = namespace("team-np");
    String release = "paddock-" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(commands.template(release, system)).doesNotContain("kind: NetworkPolicy");

    commands.apply(
        commands.template(
            release,
            system,
            "--set",
            "networkPolicy.enabled=true",
            "--set",
            "watchNamespaces={" + watched + "}",
            "--set",
            "networkPolicy.metrics.namespaceSelector.matchLabels.purpose=monitoring"),
        null);

    NetworkPolicy policy =
        cluster
            .client()
            .network()
            .v1()
            .networkPolicies()
            .inNamespace(system)
            .withName(release)
            .get();
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/instance", release);
    List<NetworkPolicyIngressRule> rules = policy.getSpec().getIngress();
    assertThat(rules).hasSize(2);
    NetworkPolicyIngressRule report = rules.get(0);
    assertThat(report.getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getPort().getStrVal()).isEqualTo("report");
              assertThat(p.getProtocol()).isEqualTo("TCP");
            });
    var from = report.getFrom().get(0);
    assertThat(report.getFrom()).hasSize(1);
    // The labels the operator puts on every trial pod (TrialJobs).
    assertThat(from.getPodSelector().getMatchLabels())
        .containsExactlyEntriesOf(
            Map.of(
                dev.paddock.operator.k8s.Labels.MANAGED_BY,
                dev.paddock.operator.k8s.Labels.MANAGER));
    assertThat(from.getPodSelector().getMatchExpressions())
        .extracting(LabelSelectorRequirement::getKey, LabelSelectorRequirement::getOperator)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(dev.paddock.operator.k8s.Labels.TRIAL, "Exists"));
    assertThat(from.getNamespaceSelector().getMatchExpressions())
        .singleElement()
        .satisfies(e -> assertThat(e.getValues()).containsExactly(watched));
    NetworkPolicyIngressRule metrics = rules.get(1);
    assertThat(metrics.getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getPort().getStrVal()).isEqualTo("metrics"));
    assertThat(metrics.getFrom())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.getPodSelector()).isNull();
              assertThat(f.getNamespaceSelector().getMatchLabels())
                  .containsExactlyEntriesOf(Map.of("purpose", "monitoring"));
            });
  }

  /**
   * What the ServiceAccount may do in each namespace equals the reviewed file for it; every list is
   * written to target/chart-rbac/ first, so one run shows them all.
   */
  private void assertRights(
      String release, String system, Map<String, String> names, Map<String, String> files) {
    String sa = "system:serviceaccount:" + system + ":" + release;
    Map<String, String> actual = new java.util.TreeMap<>();
    files.forEach(
        (namespace, file) -> {
          Result result =
              commands.kubectl(null, "auth", "can-i", "--list", "--as", sa, "-n", namespace);
          assertThat(result.exit()).as(result.toString()).isZero();
          actual.put(file, normalise(result.out(), names));
          dump(file, actual.get(file));
        });
    actual.forEach(
        (file, rights) ->
            assertThat(rights)
                .as("kubectl auth can-i --list (target/chart-rbac/%s)", file)
                .isEqualTo(expected(file)));
  }

  private static void dump(String file, String text) {
    Path dump = Path.of("target", "chart-rbac", file);
    try {
      Files.createDirectories(dump.getParent());
      Files.writeString(dump, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One line per rule, columns separated by one space, names replaced by placeholders, sorted. */
  static String normalise(String canIList, Map<String, String> names) {
    List<String> lines = new ArrayList<>();
    for (String line : canIList.split("\n")) {
      String text = line.trim().replaceAll("\\s+", " ");
      for (Map.Entry<String, String> name : names.entrySet()) {
        text = text.replace(name.getKey(), name.getValue());
      }
      if (!text.isEmpty() && !text.startsWith("Resources ")) {
        lines.add(text);
      }
    }
    return String.join("\n", lines.stream().sorted().toList()) + "\n";
  }

  private static String expected(String file) {
    try (InputStream in = ChartSecurityIT.class.getResourceAsStream("/chart-rbac/" + file)) {
      assertThat(in).as("reviewed list %s", file).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return String.join(
              "\n",
              Arrays.stream(text.split("\n"))
                  .filter(l -> !l.isBlank() && !l.startsWith("#"))
                  .sorted()
                  .toList())
          + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String namespace(String prefix) {
    String ns = cluster.createNamespace(prefix);
    namespaces.add(ns);
    return ns;
  }
}
