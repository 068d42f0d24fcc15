package dev.paddock.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.operator.chart.ChartCommands.Result;
import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.KubeClusterExtension;
import dev.paddock.testsupport.TestComponents;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Helm chart in {@code charts/paddock}: lint-clean, rendered for both RBAC modes and several
 * value sets, every rendering applied to a real kube-apiserver (which validates each object and,
 * with RBAC authorization on, answers what the operator's ServiceAccount may do), then the
 * quickstart study applied next to it — the README's "Install on a cluster" path.
 */
@ExtendWith(KubeClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelmChartIT {

  private static final Path ROOT = TestComponents.repositoryRoot();
  private static final Path CHART = ChartCommands.CHART;
  private static final Path QUICKSTART = ROOT.resolve("examples/quickstart/study.yaml");

  private KubeCluster cluster;
  private ChartCommands commands;
  private final List<String> namespaces = new ArrayList<>();

  @BeforeAll
  void setUp(KubeCluster cluster) throws IOException {
    this.cluster = cluster;
    commands = new ChartCommands(cluster);
  }

  /**
   * The cluster is shared with other tests, some of which run a controller-manager and a scheduler:
   * remove the operator Deployments installed here, so no pod of theirs is started.
   */
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

  private String namespace(String prefix) {
    String ns = cluster.createNamespace(prefix);
    namespaces.add(ns);
    return ns;
  }

  @Test
  void helmLintIsClean() {
    for (List<String> values :
        List.of(
            List.<String>of(),
            List.of("--set", "watchNamespaces={team-a,team-b}"),
            List.of(
                "--set", "artifactStore.credentialsSecret=store",
                "--set", "metrics.serviceMonitor.enabled=true",
                "--set", "metrics.serviceMonitor.force=true",
                "--set", "replicaCount=2"))) {
      List<String> args = new ArrayList<>(List.of("lint", "--strict", CHART.toString()));
      args.addAll(values);
      Result lint = commands.helmOffline(args.toArray(String[]::new));
      assertThat(lint.exit()).as(lint.toString()).isZero();
      assertThat(lint.out())
          .as(lint.toString())
          .contains("1 chart(s) linted, 0 chart(s) failed")
          .doesNotContain("[WARNING]")
          .doesNotContain("[ERROR]");
    }
  }

  @Test
  void clusterWideInstallAppliesAndTheQuickstartStudyIsAccepted() {
    String system = namespace("paddock-system");
    String studies = namespace("studies");
    String release = release();

    String rendered =
        template(
            release,
            system,
            "--include-crds",
            "--set",
            "artifactStore.endpoint=http://minio.minio.svc:9000",
            "--set",
            "artifactStore.credentialsSecret=paddock-store",
            "--set",
            "artifactStore.bucket=paddock-artifacts");
    List<HasMetadata> objects = parse(rendered);
    assertThat(kinds(objects))
        .containsExactlyInAnyOrder(
            "CustomResourceDefinition",
            "CustomResourceDefinition",
            "CustomResourceDefinition",
            "ServiceAccount",
            "Secret",
            "ClusterRole",
            "ClusterRoleBinding",
            "Role",
            "RoleBinding",
            "Service",
            "Deployment");

    apply(rendered, null);

    // What the API server stored (defaulted and validated), not what the template said.
    Deployment deployment =
        cluster.client().apps().deployments().inNamespace(system).withName(release).get();
    assertThat(deployment).isNotNull();
    assertSecure(deployment);
    Map<String, EnvVar> env = env(container(deployment));
    assertThat(env.get("PADDOCK_WATCH_NAMESPACES").getValue()).isNullOrEmpty();
    assertThat(env.get("PADDOCK_REPORT_URL").getValue())
        .isEqualTo("http://" + release + "." + system + ".svc:8080/v1/report");
    assertThat(env.get("PADDOCK_ARTIFACT_ROOT").getValue()).isEqualTo("s3://paddock-artifacts/");
    assertThat(env.get("PADDOCK_S3_ENDPOINT").getValue()).isEqualTo("http://minio.minio.svc:9000");
    assertThat(env.get("PADDOCK_S3_SECRET").getValue()).isEqualTo("paddock-store");
    assertThat(env.get("PADDOCK_S3_ACCESS_KEY").getValueFrom().getSecretKeyRef().getName())
        .isEqualTo("paddock-store");
    assertThat(env.get("PADDOCK_S3_ACCESS_KEY").getValueFrom().getSecretKeyRef().getKey())
        .isEqualTo("accessKey");
    assertThat(env.get("PADDOCK_S3_SECRET_KEY").getValueFrom().getSecretKeyRef().getKey())
        .isEqualTo("secretKey");
    assertThat(env.get("PADDOCK_REPORT_KEY").getValueFrom().getSecretKeyRef().getName())
        .isEqualTo(release + "-report-key");
    assertThat(env.get("PADDOCK_GPU_RESOURCE").getValue()).isEqualTo("nvidia.com/gpu");
    assertThat(env.get("PADDOCK_RECONCILE_THREADS").getValue()).isEqualTo("10");
    assertThat(env.get("PADDOCK_RETRY_ATTEMPTS").getValue()).isEqualTo("5");
    assertThat(env.get("PADDOCK_RETRY_INTERVAL_MILLIS").getValue()).isEqualTo("2000");
    assertThat(env.get("PADDOCK_RETRY_MULTIPLIER").getValue()).isEqualTo("1.5");
    assertThat(env.get("PADDOCK_RETRY_RECHECK_SECONDS").getValue()).isEqualTo("60");
    assertThat(env.get("PADDOCK_LEADER_ELECTION").getValue()).isEqualTo("true");
    assertThat(env.get("PADDOCK_LEADER_ELECTION_LEASE").getValue()).isEqualTo(release + "-leader");
    assertThat(env.get("PADDOCK_TRAINER_IMAGE").getValue()).isEqualTo("paddock/trainer:0.1.0");
    assertThat(container(deployment).getImage()).isEqualTo("paddock/operator:0.1.0");
    assertThat(container(deployment).getArgs()).containsExactly("operator");

    Service service = cluster.client().services().inNamespace(system).withName(release).get();
    assertThat(service.getSpec().getPorts())
        .extracting(ServicePort::getName, ServicePort::getPort)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("report", 8080),
            org.assertj.core.groups.Tuple.tuple("metrics", 8081));
    assertThat(service.getSpec().getSelector())
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());

    Secret key =
        cluster.client().secrets().inNamespace(system).withName(release + "-report-key").get();
    assertThat(Base64.getDecoder().decode(key.getData().get("key"))).hasSize(48);

    ClusterRole role = cluster.client().rbac().clusterRoles().withName(release).get();
    assertLeastPrivilege(role.getRules());

    String sa = "system:serviceaccount:" + system + ":" + release;
    // Everything the operator does, in any namespace...
    for (String ns : List.of(studies, "default")) {
      assertCan(sa, ns, "watch", "trainingstudies.paddock.dev");
      assertCan(sa, ns, "patch", "trainingstudies.paddock.dev", "status");
      assertCan(sa, ns, "update", "trainingstudies.paddock.dev", "finalizers");
      assertCan(sa, ns, "create", "trials.paddock.dev");
      assertCan(sa, ns, "delete", "trials.paddock.dev");
      assertCan(sa, ns, "update", "modeldeployments.paddock.dev", "status");
      assertCan(sa, ns, "create", "jobs.batch");
      assertCan(sa, ns, "list", "pods"); // a trial's pods, when its Job says they changed
      assertCannot(sa, ns, "create", "events"); // events.k8s.io only
      assertCan(sa, ns, "create", "events.events.k8s.io");
      assertCan(sa, ns, "create", "deployments.apps");
      assertCan(sa, ns, "patch", "services");
    }
    // ...and nothing else: no Secrets, no studies of its own, no RBAC, no nodes, no exec.
    assertCannot(sa, studies, "get", "secrets");
    assertCannot(sa, studies, "list", "secrets");
    assertCannot(sa, studies, "create", "trainingstudies.paddock.dev");
    assertCannot(sa, studies, "delete", "trainingstudies.paddock.dev");
    assertCannot(sa, studies, "create", "pods");
    assertCannot(sa, studies, "watch", "pods");
    assertCannot(sa, studies, "delete", "pods");
    assertCannot(sa, studies, "get", "pods", "log");
    assertCannot(sa, studies, "create", "pods", "exec");
    assertCannot(sa, studies, "create", "rolebindings.rbac.authorization.k8s.io");
    assertCannot(sa, null, "list", "nodes");
    assertCannot(sa, null, "create", "customresourcedefinitions.apiextensions.k8s.io");
    // The Lease: only in the release namespace.
    assertCan(sa, system, "create", "leases.coordination.k8s.io");
    assertCan(sa, system, "update", "leases.coordination.k8s.io/" + release + "-leader");
    assertCannot(sa, system, "update", "leases.coordination.k8s.io/kube-scheduler");
    assertCannot(sa, studies, "create", "leases.coordination.k8s.io");

    applyQuickstart(studies);

    // Applying the same rendering again is a no-op the API server accepts (GitOps re-sync).
    apply(rendered, null);
  }

  @Test
  void namespacedInstallGrantsOnlyTheWatchedNamespaces() {
    String system = namespace("paddock-ns");
    String teamA = namespace("team-a");
    String teamB = namespace("team-b");
    String other = namespace("other");
    String release = release();

    String rendered =
        template(
            release,
            system,
            "--set",
            "watchNamespaces={" + teamA + "," + teamB + "}",
            "--set",
            "operator.gpuResource=amd.com/gpu",
            "--set",
            "operator.reconcileThreads=32",
            "--set",
            "operator.retry.recheckSeconds=300",
            "--set",
            "replicaCount=2");
    List<HasMetadata> objects = parse(rendered);
    assertThat(kinds(objects)).doesNotContain("ClusterRole", "ClusterRoleBinding");
    assertThat(
            objects.stream()
                .filter(o -> o.getKind().equals("Role"))
                .map(o -> o.getMetadata().getNamespace() + "/" + o.getMetadata().getName()))
        .containsExactlyInAnyOrder(
            teamA + "/" + release,
            teamB + "/" + release,
            system + "/" + release + "-leader-election");
    for (HasMetadata o : objects) {
      assertThat(o.getMetadata().getNamespace())
          .as("namespace of %s %s", o.getKind(), o.getMetadata().getName())
          .isIn(system, teamA, teamB);
    }

    apply(rendered, null);

    Deployment deployment =
        cluster.client().apps().deployments().inNamespace(system).withName(release).get();
    assertSecure(deployment);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
    Map<String, EnvVar> env = env(container(deployment));
    assertThat(env.get("PADDOCK_WATCH_NAMESPACES").getValue()).isEqualTo(teamA + "," + teamB);
    assertThat(env.get("PADDOCK_GPU_RESOURCE").getValue()).isEqualTo("amd.com/gpu");
    assertThat(env.get("PADDOCK_RECONCILE_THREADS").getValue()).isEqualTo("32");
    assertThat(env.get("PADDOCK_RETRY_RECHECK_SECONDS").getValue()).isEqualTo("300");
    assertThat(env).doesNotContainKeys("PADDOCK_S3_ACCESS_KEY", "PADDOCK_S3_ENDPOINT");

    for (String ns : List.of(teamA, teamB)) {
      Role role = cluster.client().rbac().roles().inNamespace(ns).withName(release).get();
      assertLeastPrivilege(role.getRules());
    }

    String sa = "system:serviceaccount:" + system + ":" + release;
    for (String ns : List.of(teamA, teamB)) {
      assertCan(sa, ns, "watch", "trainingstudies.paddock.dev");
      assertCan(sa, ns, "create", "trials.paddock.dev");
      assertCan(sa, ns, "create", "jobs.batch");
      assertCan(sa, ns, "create", "deployments.apps");
      assertCannot(sa, ns, "get", "secrets");
    }
    for (String ns : List.of(other, system, "default")) {
      assertCannot(sa, ns, "list", "trainingstudies.paddock.dev");
      assertCannot(sa, ns, "create", "jobs.batch");
      assertCannot(sa, ns, "list", "pods");
    }
    assertCannot(sa, null, "list", "trainingstudies.paddock.dev"); // no cluster-wide list/watch
    assertCan(sa, system, "create", "leases.coordination.k8s.io");

    applyQuickstart(teamA);
  }

  @Test
  void otherValueSetsRenderAndApply() {
    String system = namespace("paddock-values");
    String release = release();

    // An existing report-key Secret, no leader election, a fixed name, a ServiceMonitor forced
    // (the test cluster has no prometheus-operator, so it is checked as rendered, not applied).
    String rendered =
        template(
            release,
            system,
            "--set",
            "reportKey.existingSecret=my-report-key",
            "--set",
            "reportKey.secretKey=hmac",
            "--set",
            "leaderElection.enabled=false",
            "--set",
            "fullnameOverride=ops",
            "--set",
            "serviceAccount.annotations.team=ml",
            "--set",
            "operator.reportUrl=https://paddock.example.com/v1/report",
            "--set",
            "image.tag=0.2.0-rc1",
            "--set",
            "trainer.image.repository=registry.example.com/ml/trainer",
            "--set",
            "metrics.serviceMonitor.enabled=true",
            "--set",
            "metrics.serviceMonitor.force=true",
            "--set",
            "metrics.serviceMonitor.labels.release=prometheus");
    List<HasMetadata> objects = parse(rendered);
    assertThat(kinds(objects))
        .containsExactlyInAnyOrder(
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "Service",
            "Deployment",
            "ServiceMonitor");
    GenericKubernetesResource monitor =
        (GenericKubernetesResource)
            objects.stream().filter(o -> o.getKind().equals("ServiceMonitor")).findFirst().get();
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
    assertThat(monitor.<String>get("spec", "endpoints", 0, "port")).isEqualTo("metrics");
    assertThat(monitor.<String>get("spec", "endpoints", 0, "path")).isEqualTo("/metrics");

    String applicable =
        objects.stream()
            .filter(o -> !o.getKind().equals("ServiceMonitor"))
            .map(o -> cluster.client().getKubernetesSerialization().asYaml(o))
            .collect(Collectors.joining("\n---\n"));
    apply(applicable, null);

    Deployment deployment =
        cluster.client().apps().deployments().inNamespace(system).withName("ops").get();
    assertSecure(deployment);
    assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    Container operator = container(deployment);
    assertThat(operator.getImage()).isEqualTo("paddock/operator:0.2.0-rc1");
    Map<String, EnvVar> env = env(operator);
    assertThat(env.get("PADDOCK_LEADER_ELECTION").getValue()).isEqualTo("false");
    assertThat(env).doesNotContainKey("PADDOCK_LEADER_ELECTION_LEASE");
    assertThat(env.get("PADDOCK_REPORT_URL").getValue())
        .isEqualTo("https://paddock.example.com/v1/report");
    assertThat(env.get("PADDOCK_REPORT_KEY").getValueFrom().getSecretKeyRef().getName())
        .isEqualTo("my-report-key");
    assertThat(env.get("PADDOCK_REPORT_KEY").getValueFrom().getSecretKeyRef().getKey())
        .isEqualTo("hmac");
    assertThat(env.get("PADDOCK_TRAINER_IMAGE").getValue())
        .isEqualTo("registry.example.com/ml/trainer:0.1.0");
    assertThat(
            cluster
                .client()
                .serviceAccounts()
                .inNamespace(system)
                .withName("ops")
                .get()
                .getMetadata()
                .getAnnotations())
        .containsEntry("team", "ml");

    // Without the capability and without force, no ServiceMonitor is rendered.
    String plain = template(release, system, "--set", "metrics.serviceMonitor.enabled=true");
    assertThat(kinds(parse(plain))).doesNotContain("ServiceMonitor");
    String withCapability =
        template(
            release,
            system,
            "--set",
            "metrics.serviceMonitor.enabled=true",
            "--api-versions",
            "monitoring.coreos.com/v1");
    assertThat(kinds(parse(withCapability))).contains("ServiceMonitor");
  }

  @Test
  void badValuesFailWithAMessageNamingThem() {
    assertRejected(List.of("--set", "replicaCount=0"), "replicaCount");
    assertRejected(List.of("--set", "watchNamespace={a}"), "watchNamespace");
    assertRejected(List.of("--set", "watchNamespaces={Team_A}"), "watchNamespaces");
    assertRejected(List.of("--set", "artifactStore.bucket=Not_A_Bucket"), "bucket");
    assertRejected(List.of("--set", "artifactStore.endpoint=minio:9000"), "endpoint");
    assertRejected(List.of("--set", "operator.reconcileThreads=0"), "reconcileThreads");
    assertRejected(List.of("--set", "operator.retry.multiplier=0.5"), "multiplier");
    assertRejected(List.of("--set", "operator.retry.recheckSeconds=0"), "recheckSeconds");
    assertRejected(List.of("--set", "operator.logLevel=loud"), "logLevel");
    assertRejected(List.of("--set", "securityContext.readOnlyRootFilesystem=false"), "readOnly");
    assertRejected(List.of("--set", "podSecurityContext.runAsNonRoot=false"), "runAsNonRoot");
    assertRejected(List.of("--set", "service.reportPort=70000"), "reportPort");
    assertRejected(
        List.of("--set", "replicaCount=2", "--set", "leaderElection.enabled=false"),
        "leaderElection");
  }

  @Test
  void helmInstallKeepsTheReportKeyAcrossUpgrades() {
    String system = namespace("paddock-helm");
    String release = release();

    Result install =
        helm("install", release, CHART.toString(), "--namespace", system, "--skip-crds");
    assertThat(install.exit()).as(install.toString()).isZero();
    assertThat(install.out())
        .contains("kubectl -n " + system + " rollout status deployment/" + release)
        .contains("examples/quickstart/study.yaml");
    String first = reportKey(system, release);

    Result upgrade =
        helm(
            "upgrade",
            release,
            CHART.toString(),
            "--namespace",
            system,
            "--reuse-values",
            "--set",
            "operator.reconcileThreads=4");
    assertThat(upgrade.exit()).as(upgrade.toString()).isZero();
    assertThat(reportKey(system, release)).isEqualTo(first);
    assertThat(
            env(container(
                    cluster
                        .client()
                        .apps()
                        .deployments()
                        .inNamespace(system)
                        .withName(release)
                        .get()))
                .get("PADDOCK_RECONCILE_THREADS")
                .getValue())
        .isEqualTo("4");

    Result uninstall = helm("uninstall", release, "--namespace", system);
    assertThat(uninstall.exit()).as(uninstall.toString()).isZero();
    assertThat(cluster.client().rbac().clusterRoles().withName(release).get()).isNull();
  }

  // --- helpers ------------------------------------------------------------------------------

  private static String release() {
    return "paddock-" + UUID.randomUUID().toString().substring(0, 6);
  }

  private String template(String release, String namespace, String... args) {
    return commands.template(release, namespace, args);
  }

  private void assertRejected(List<String> values, String mentioned) {
    List<String> args = new ArrayList<>(List.of("template", "bad", CHART.toString()));
    args.addAll(values);
    Result result = commands.helmOffline(args.toArray(String[]::new));
    assertThat(result.exit()).as("helm template %s should fail", values).isNotZero();
    assertThat(result.err()).as(result.toString()).contains(mentioned);
  }

  private Result helm(String... args) {
    return commands.helm(args);
  }

  private void apply(String manifests, String namespace) {
    commands.apply(manifests, namespace);
  }

  private void applyQuickstart(String namespace) {
    Result result =
        commands.kubectl(null, "apply", "--namespace", namespace, "-f", QUICKSTART.toString());
    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out()).contains("trainingstudy.paddock.dev/quickstart");
    GenericKubernetesResource study =
        cluster
            .client()
            .genericKubernetesResources("paddock.dev/v1alpha1", "TrainingStudy")
            .inNamespace(namespace)
            .withName("quickstart")
            .get();
    assertThat(study).isNotNull();
    assertThat(study.<String>get("spec", "search", "algorithm")).isEqualTo("tpe");
  }

  private void assertCan(String user, String namespace, String verb, String resource) {
    assertCan(user, namespace, verb, resource, null);
  }

  private void assertCan(
      String user, String namespace, String verb, String resource, String subresource) {
    Result r = canI(user, namespace, verb, resource, subresource);
    assertThat(r.out().trim())
        .as("%s may %s %s/%s in %s: %s", user, verb, resource, subresource, namespace, r)
        .isEqualTo("yes");
  }

  private void assertCannot(String user, String namespace, String verb, String resource) {
    assertCannot(user, namespace, verb, resource, null);
  }

  private void assertCannot(
      String user, String namespace, String verb, String resource, String subresource) {
    Result r = canI(user, namespace, verb, resource, subresource);
    assertThat(r.out().trim())
        .as("%s may not %s %s/%s in %s: %s", user, verb, resource, subresource, namespace, r)
        .isEqualTo("no");
  }

  private Result canI(
      String user, String namespace, String verb, String resource, String subresource) {
    List<String> args = new ArrayList<>(List.of("auth", "can-i", verb, resource, "--as", user));
    if (subresource != null) {
      args.add("--subresource=" + subresource);
    }
    args.addAll(namespace == null ? List.of("--all-namespaces") : List.of("-n", namespace));
    return commands.kubectl(null, args.toArray(String[]::new));
  }

  private static void assertLeastPrivilege(List<PolicyRule> rules) {
    assertThat(rules).isNotEmpty();
    for (PolicyRule rule : rules) {
      assertThat(rule.getVerbs()).as("rule %s", rule).doesNotContain("*", "escalate", "bind");
      assertThat(rule.getResources())
          .as("rule %s", rule)
          .doesNotContain("*", "secrets", "pods/exec", "nodes", "roles", "rolebindings");
      assertThat(rule.getApiGroups()).as("rule %s", rule).doesNotContain("*");
      assertThat(rule.getNonResourceURLs()).as("rule %s", rule).isNullOrEmpty();
    }
  }

  private static void assertSecure(Deployment deployment) {
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getServiceAccountName()).isNotBlank();
    Container c = container(deployment);
    assertThat(c.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(c.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(c.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(c.getResources().getLimits()).containsKey("memory");
    assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(c.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("metrics");
    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(c.getPorts())
        .extracting(p -> p.getName() + ":" + p.getContainerPort())
        .containsExactlyInAnyOrder("report:8080", "metrics:8081");
    assertThat(c.getVolumeMounts())
        .anyMatch(m -> m.getMountPath().equals("/tmp") && !Boolean.TRUE.equals(m.getReadOnly()));
    String tmp =
        c.getVolumeMounts().stream()
            .filter(m -> m.getMountPath().equals("/tmp"))
            .findFirst()
            .get()
            .getName();
    assertThat(pod.getVolumes()).anyMatch(v -> v.getName().equals(tmp) && v.getEmptyDir() != null);
  }

  private static Container container(Deployment deployment) {
    List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
    assertThat(containers).extracting(Container::getName).containsExactly("operator");
    return containers.get(0);
  }

  private static Map<String, EnvVar> env(Container container) {
    return container.getEnv().stream()
        .collect(Collectors.toMap(EnvVar::getName, e -> e, (a, b) -> b));
  }

  private String reportKey(String namespace, String release) {
    Secret secret =
        cluster.client().secrets().inNamespace(namespace).withName(release + "-report-key").get();
    assertThat(secret).as("report key Secret").isNotNull();
    return secret.getData().get("key");
  }

  private List<HasMetadata> parse(String yaml) {
    try (InputStream in = new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))) {
      return cluster.client().load(in).items();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> kinds(List<HasMetadata> objects) {
    return objects.stream().map(HasMetadata::getKind).toList();
  }
}
