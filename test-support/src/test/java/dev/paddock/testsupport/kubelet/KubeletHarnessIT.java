package dev.paddock.testsupport.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.testsupport.ClusterControllers;
import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.KubeClusterExtension;
import dev.paddock.testsupport.TestComponents;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The harness plays the kubelet of a node on the real API server, with the real scheduler and
 * controller manager: Jobs complete with their termination message, Deployments become available
 * once their readiness probe passes, deleted pods' processes end. (EndpointSlices cannot list the
 * harness's loopback pod IPs: the API server refuses loopback endpoint addresses.)
 */
@ExtendWith(KubeClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubeletHarnessIT {

  private static final String NODE = "harness-node-1";

  /**
   * Runs until SIGTERM, which it records. {@code $$$$}: the kubelet's expansion turns {@code $$}
   * into {@code $}, so the shell sees {@code $$}, its PID.
   */
  private static final String SLEEPER =
      "trap 'echo term > got-sigterm; exit 0' TERM; echo $$$$ > pid; while true; do sleep 0.2; done";

  private KubeCluster cluster;
  private KubernetesClient client;
  private ClusterControllers controllers;
  private KubeletHarness kubelet;

  @BeforeAll
  void start(KubeCluster cluster) {
    this.cluster = cluster;
    this.client = cluster.client();
    controllers = ClusterControllers.start(cluster);
    kubelet = KubeletHarness.start(cluster, NODE, Map.of("nvidia.com/gpu", "2"), Map.of());
  }

  @AfterAll
  void stop() {
    if (kubelet != null) {
      kubelet.close();
    }
    if (controllers != null) {
      controllers.close();
    }
  }

  @Test
  void aJobRunsWithItsResolvedEnvironmentAndCompletesWithItsTerminationMessage() {
    String namespace = cluster.createNamespace("kubelet-job");
    client
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("creds")
                .endMetadata()
                .addToStringData("token", "s3cr3t")
                .build())
        .create();
    String script =
        "echo \"hello from $POD_NAME\"; printf 'token=%s ip=%s app=%s greeting=%s missing=%s arg=%s'"
            + " \"$TOKEN\" \"$POD_IP\" \"$APP\" \"$GREETING\" \"${MISSING-unset}\" \"$0\""
            + " > \"$PADDOCK_TERMINATION_LOG\"";
    Job job =
        new JobBuilder()
            .withNewMetadata()
            .withName("env")
            .endMetadata()
            .withNewSpec()
            .withBackoffLimit(0)
            .withNewTemplate()
            .withNewMetadata()
            .addToLabels("app", "env-test")
            .endMetadata()
            .withNewSpec()
            .withRestartPolicy("Never")
            .addToNodeSelector("kubernetes.io/hostname", NODE)
            .addNewContainer()
            .withName("main")
            .withImage("busybox")
            .withCommand("sh", "-c", script)
            .withArgs("$(POD_NAME)-arg")
            .addNewEnv()
            .withName("TOKEN")
            .withNewValueFrom()
            .withNewSecretKeyRef("token", "creds", false)
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("MISSING")
            .withNewValueFrom()
            .withNewSecretKeyRef("nope", "no-such-secret", true)
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("POD_NAME")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.name")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("POD_IP")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("status.podIP")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("APP")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.labels['app']")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("GREETING")
            .withValue("hi $(APP)")
            .endEnv()
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();

    client.batch().v1().jobs().inNamespace(namespace).resource(job).create();

    awaitJob(namespace, "env", "Complete");
    Pod pod = onlyPod(namespace, "job-name", "env");
    String ip = pod.getStatus().getPodIP();
    assertThat(ip).startsWith("127.0.").isNotEqualTo("127.0.0.1");
    assertThat(pod.getStatus().getPhase()).isEqualTo("Succeeded");
    assertThat(pod.getSpec().getNodeName()).isEqualTo(NODE);
    ContainerStateTerminated terminated = terminated(pod, "main");
    assertThat(terminated.getExitCode()).isZero();
    assertThat(terminated.getReason()).isEqualTo("Completed");
    assertThat(terminated.getMessage())
        .isEqualTo(
            "token=s3cr3t ip="
                + ip
                + " app=env-test greeting=hi env-test missing=unset arg="
                + pod.getMetadata().getName()
                + "-arg");
    assertThat(
            kubelet
                .logDirectory()
                .resolve(namespace + "_" + pod.getMetadata().getName() + "_main.log"))
        .content()
        .contains("hello from " + pod.getMetadata().getName());
  }

  /**
   * A pod's process talks to the API server as the pod's ServiceAccount (a token bound to the pod,
   * through KUBECONFIG), with what its Role grants and nothing more.
   */
  @Test
  void aPodActsAsItsServiceAccountWithWhatItsRoleGrants() {
    String namespace = cluster.createNamespace("kubelet-sa");
    client.serviceAccounts().inNamespace(namespace).resource(serviceAccount("reader")).create();
    client.rbac().roles().inNamespace(namespace).resource(configMapReader()).create();
    client.rbac().roleBindings().inNamespace(namespace).resource(readerBinding()).create();
    String kubectl = TestComponents.k8sBinary("kubectl").toString();
    Pod pod =
        basePod("acts-as-reader", "Never")
            .editSpec()
            .withServiceAccountName("reader")
            .editFirstContainer()
            .withCommand(
                "sh",
                "-c",
                kubectl
                    + " auth whoami -o jsonpath='{.status.userInfo.username}' > who;"
                    + kubectl
                    + " get configmaps -o name > configmaps || exit 4;"
                    + kubectl
                    + " get secrets 2> secrets && exit 5;"
                    + " cat who > \"$PADDOCK_TERMINATION_LOG\"; grep -q Forbidden secrets")
            .endContainer()
            .endSpec()
            .build();
    client.pods().inNamespace(namespace).resource(pod).create();

    Pod done = awaitPod(namespace, "acts-as-reader", p -> "Succeeded".equals(phase(p)));

    assertThat(terminated(done, "main").getMessage())
        .isEqualTo("system:serviceaccount:" + namespace + ":reader");
  }

  @Test
  void aFailingCommandFailsThePodWithItsExitCodeAndLogTail() {
    String namespace = cluster.createNamespace("kubelet-fail");
    Pod pod =
        basePod("fails", "Never")
            .editSpec()
            .editFirstContainer()
            .withCommand("sh", "-c", "echo about to fail; echo boom >&2; exit 3")
            .withTerminationMessagePolicy("FallbackToLogsOnError")
            .endContainer()
            .endSpec()
            .build();
    client.pods().inNamespace(namespace).resource(pod).create();

    Pod failed = awaitPod(namespace, "fails", p -> "Failed".equals(phase(p)));

    ContainerStateTerminated terminated = terminated(failed, "main");
    assertThat(terminated.getExitCode()).isEqualTo(3);
    assertThat(terminated.getReason()).isEqualTo("Error");
    assertThat(terminated.getMessage()).isEqualTo("about to fail\nboom");
    assertThat(failed.getStatus().getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Ready");
              assertThat(c.getStatus()).isEqualTo("False");
            });
  }

  @Test
  void aContainerThatFailsIsRestartedUnderOnFailureAndCountsTheRestart() {
    String namespace = cluster.createNamespace("kubelet-restart");
    Pod pod =
        basePod("flaky", "OnFailure")
            .editSpec()
            .editFirstContainer()
            .withCommand("sh", "-c", "if [ -f ran-once ]; then exit 0; fi; touch ran-once; exit 1")
            .endContainer()
            .endSpec()
            .build();
    client.pods().inNamespace(namespace).resource(pod).create();

    Pod done = awaitPod(namespace, "flaky", p -> "Succeeded".equals(phase(p)));

    ContainerStatus status = done.getStatus().getContainerStatuses().get(0);
    assertThat(status.getRestartCount()).isEqualTo(1);
    assertThat(status.getLastState().getTerminated().getExitCode()).isEqualTo(1);
    assertThat(status.getState().getTerminated().getExitCode()).isZero();
  }

  @Test
  void aDeploymentWithAReadinessProbeBecomesAvailableAndServesOnItsPodIp() throws Exception {
    String namespace = cluster.createNamespace("kubelet-deploy");
    client.apps().deployments().inNamespace(namespace).resource(webDeployment()).create();

    client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName("web")
        .waitUntilCondition(
            d ->
                d != null
                    && d.getStatus() != null
                    && Integer.valueOf(1).equals(d.getStatus().getAvailableReplicas()),
            120,
            TimeUnit.SECONDS);
    Pod pod = onlyPod(namespace, "app", "web");
    String ip = pod.getStatus().getPodIP();
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://" + ip + ":8080/")).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(firstContainer(pod).getReady()).isTrue();

    // The probe, not the process, decides: without its file the pod turns unready.
    Files.delete(
        kubelet
            .podDirectory(namespace, pod.getMetadata().getName())
            .orElseThrow()
            .resolve("ready.txt"));
    Pod unready =
        awaitPod(
            namespace,
            pod.getMetadata().getName(),
            p -> !firstContainer(p).getReady() && "Running".equals(phase(p)));
    assertThat(unready.getStatus().getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Ready");
              assertThat(c.getStatus()).isEqualTo("False");
            });
  }

  @Test
  void deletingAPodStopsItsProcessWithSigtermAndRemovesThePod() throws Exception {
    String namespace = cluster.createNamespace("kubelet-delete");
    Pod pod =
        basePod("sleeper", "Always")
            .editSpec()
            .editFirstContainer()
            .withCommand("sh", "-c", SLEEPER)
            .endContainer()
            .endSpec()
            .build();
    client.pods().inNamespace(namespace).resource(pod).create();
    awaitPod(namespace, "sleeper", p -> "Running".equals(phase(p)));
    Path directory = kubelet.podDirectory(namespace, "sleeper").orElseThrow();
    Path pidFile = directory.resolve("pid");
    long pid = awaitPid(pidFile);
    assertThat(ProcessHandle.of(pid)).isPresent();

    client.pods().inNamespace(namespace).withName("sleeper").delete();

    client
        .pods()
        .inNamespace(namespace)
        .withName("sleeper")
        .waitUntilCondition(Objects::isNull, 60, TimeUnit.SECONDS);
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    assertThat(directory.resolve("got-sigterm")).exists();
  }

  @Test
  void aJobPastItsDeadlineHasItsPodStoppedAndRemoved() throws Exception {
    String namespace = cluster.createNamespace("kubelet-deadline");
    Job job =
        new JobBuilder()
            .withNewMetadata()
            .withName("slow")
            .endMetadata()
            .withNewSpec()
            .withBackoffLimit(0)
            .withActiveDeadlineSeconds(8L)
            .withNewTemplate()
            .withSpec(
                basePod("ignored", "Never")
                    .editSpec()
                    .editFirstContainer()
                    .withCommand("sh", "-c", SLEEPER)
                    .endContainer()
                    .endSpec()
                    .buildSpec())
            .endTemplate()
            .endSpec()
            .build();
    client.batch().v1().jobs().inNamespace(namespace).resource(job).create();
    Pod pod =
        client
            .pods()
            .inNamespace(namespace)
            .withLabel("job-name", "slow")
            .informOnCondition(pods -> pods.stream().anyMatch(p -> "Running".equals(phase(p))))
            .get(120, TimeUnit.SECONDS)
            .get(0);
    Path directory = kubelet.podDirectory(namespace, pod.getMetadata().getName()).orElseThrow();
    long pid = awaitPid(directory.resolve("pid"));

    awaitJob(namespace, "slow", "Failed");
    client
        .pods()
        .inNamespace(namespace)
        .withName(pod.getMetadata().getName())
        .waitUntilCondition(Objects::isNull, 90, TimeUnit.SECONDS);

    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    assertThat(directory.resolve("got-sigterm")).exists();
  }

  private static long awaitPid(Path file) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      try {
        String text = Files.readString(file).trim();
        if (!text.isEmpty()) {
          return Long.parseLong(text);
        }
      } catch (java.io.IOException notYet) {
        // the shell has not written it yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no pid in " + file);
  }

  private static PodBuilder basePod(String name, String restartPolicy) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withRestartPolicy(restartPolicy)
        .addToNodeSelector("kubernetes.io/hostname", NODE)
        .addNewContainer()
        .withName("main")
        .withImage("busybox")
        .endContainer()
        .endSpec();
  }

  private static io.fabric8.kubernetes.api.model.ServiceAccount serviceAccount(String name) {
    return new io.fabric8.kubernetes.api.model.ServiceAccountBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .build();
  }

  private static io.fabric8.kubernetes.api.model.rbac.Role configMapReader() {
    return new io.fabric8.kubernetes.api.model.rbac.RoleBuilder()
        .withNewMetadata()
        .withName("configmap-reader")
        .endMetadata()
        .addNewRule()
        .withApiGroups("")
        .withResources("configmaps")
        .withVerbs("get", "list")
        .endRule()
        .build();
  }

  private static io.fabric8.kubernetes.api.model.rbac.RoleBinding readerBinding() {
    return new io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder()
        .withNewMetadata()
        .withName("reader")
        .endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", "Role", "configmap-reader")
        .addNewSubject()
        .withKind("ServiceAccount")
        .withName("reader")
        .endSubject()
        .build();
  }

  private static Deployment webDeployment() {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("web")
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withNewSelector()
        .addToMatchLabels("app", "web")
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", "web")
        .endMetadata()
        .withNewSpec()
        .addToNodeSelector("kubernetes.io/hostname", NODE)
        .addNewContainer()
        .withName("web")
        .withImage("python")
        .withCommand(
            "sh", "-c", "echo ok > ready.txt; exec python3 -m http.server 8080 --bind $(POD_IP)")
        .addNewPort()
        .withName("http")
        .withContainerPort(8080)
        .endPort()
        .addNewEnv()
        .withName("POD_IP")
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath("status.podIP")
        .endFieldRef()
        .endValueFrom()
        .endEnv()
        .withNewReadinessProbe()
        .withNewHttpGet()
        .withPath("/ready.txt")
        .withPort(new IntOrString("http"))
        .endHttpGet()
        .withPeriodSeconds(1)
        .withFailureThreshold(3)
        .endReadinessProbe()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private void awaitJob(String namespace, String name, String condition) {
    try {
      client
          .batch()
          .v1()
          .jobs()
          .inNamespace(namespace)
          .withName(name)
          .waitUntilCondition(
              j ->
                  j != null
                      && j.getStatus() != null
                      && j.getStatus().getConditions() != null
                      && j.getStatus().getConditions().stream()
                          .anyMatch(
                              c -> condition.equals(c.getType()) && "True".equals(c.getStatus())),
              120,
              TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      throw new AssertionError(
          "job " + name + " not " + condition + "; logs:\n" + kubelet.logs(), e);
    }
  }

  private Pod awaitPod(String namespace, String name, Predicate<Pod> condition) {
    try {
      return client
          .pods()
          .inNamespace(namespace)
          .withName(name)
          .waitUntilCondition(p -> p != null && condition.test(p), 120, TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      throw new AssertionError(
          "pod "
              + name
              + ": "
              + client.pods().inNamespace(namespace).withName(name).get()
              + "; logs:\n"
              + kubelet.logs(),
          e);
    }
  }

  private Pod onlyPod(String namespace, String label, String value) {
    List<Pod> pods = client.pods().inNamespace(namespace).withLabel(label, value).list().getItems();
    assertThat(pods).hasSize(1);
    return pods.get(0);
  }

  private static String phase(Pod pod) {
    return pod.getStatus() == null ? null : pod.getStatus().getPhase();
  }

  private static ContainerStateTerminated terminated(Pod pod, String container) {
    return pod.getStatus().getContainerStatuses().stream()
        .filter(s -> container.equals(s.getName()))
        .findFirst()
        .orElseThrow()
        .getState()
        .getTerminated();
  }

  private static ContainerStatus firstContainer(Pod pod) {
    return pod.getStatus().getContainerStatuses().get(0);
  }
}
