package dev.paddock.operator.k8s.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.ModelDeployment;
import dev.paddock.operator.grading.Grade;
import dev.paddock.operator.k8s.ClusterSettings;
import dev.paddock.operator.rollout.Slot;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServingDeploymentsTest {

  private static final KubernetesSerialization YAML = new KubernetesSerialization();
  private static final ServingSettings SETTINGS =
      new ServingSettings(
          new ClusterSettings("http://r", "s3://paddock", "http://minio:9000", "store", null, null),
          "registry.example/paddock/trainer:1.2.3",
          null);
  private static final Slot PRIMARY =
      new Slot(
          "QS-A-N64B32-L3E-3",
          "qs-4",
          Grade.A,
          0.95,
          "s3://paddock/archive/ns/qs/QS-A-N64B32-L3E-3/",
          Instant.parse("2026-11-21T10:00:00Z"));

  private static ModelDeployment md(String spec) {
    ModelDeployment md =
        YAML.unmarshal(
            "apiVersion: paddock.dev/v1alpha1\nkind: ModelDeployment\n"
                + "metadata: {name: churn, namespace: team-a, uid: u-1}\nspec:\n"
                + "  source: {study: qs}\n"
                + spec,
            ModelDeployment.class);
    return md;
  }

  private static Container trainer(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(c -> c.getName().equals("trainer"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theDefaultDeploymentServesThePrimaryAsTheTrainerContractSays() {
    Deployment deployment = ServingDeployments.deployment(md(""), PRIMARY, SETTINGS);

    assertThat(deployment.getMetadata().getName()).isEqualTo("churn");
    assertThat(deployment.getMetadata().getNamespace()).isEqualTo("team-a");
    assertThat(deployment.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getUid()).isEqualTo("u-1");
              assertThat(o.getKind()).isEqualTo("ModelDeployment");
              assertThat(o.getController()).isTrue();
            });
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(deployment.getSpec().getProgressDeadlineSeconds()).isEqualTo(600);
    assertThat(deployment.getSpec().getSelector().getMatchLabels())
        .containsOnly(
            Map.entry("paddock.dev/model-deployment", "churn"),
            Map.entry("paddock.dev/track", "primary"));
    assertThat(deployment.getSpec().getMinReadySeconds()).isNull();
    assertThat(
            deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
        .isZero();
    var template = deployment.getSpec().getTemplate();
    assertThat(template.getMetadata().getLabels())
        .containsEntry("paddock.dev/model-deployment", "churn")
        .containsEntry("paddock.dev/model-code", "QS-A-N64B32-L3E-3");
    assertThat(template.getMetadata().getAnnotations())
        .containsEntry("paddock.dev/model-uri", PRIMARY.uri());
    Container trainer = trainer(deployment);
    assertThat(trainer.getImage()).isEqualTo("registry.example/paddock/trainer:1.2.3");
    assertThat(trainer.getCommand()).isNullOrEmpty();
    assertThat(trainer.getArgs())
        .containsExactly(
            "serve", "--model", PRIMARY.uri(), "--host", "$(POD_IP)", "--port", "8080");
    Map<String, EnvVar> env =
        trainer.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
    assertThat(env)
        .containsOnlyKeys(
            "POD_IP", "PADDOCK_S3_ENDPOINT", "PADDOCK_S3_ACCESS_KEY", "PADDOCK_S3_SECRET_KEY");
    assertThat(env.get("POD_IP").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("status.podIP");
    assertThat(env.get("PADDOCK_S3_ACCESS_KEY").getValue()).isNull();
    assertThat(env.get("PADDOCK_S3_ACCESS_KEY").getValueFrom().getSecretKeyRef().getName())
        .isEqualTo("store");
    assertThat(env.get("PADDOCK_S3_SECRET_KEY").getValueFrom().getSecretKeyRef().getKey())
        .isEqualTo("secretKey");
    assertThat(trainer.getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(8080));
    assertThat(trainer.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(trainer.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(trainer.getLifecycle().getPreStop().getSleep().getSeconds()).isEqualTo(5L);
    assertThat(trainer.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(trainer.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(trainer.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(trainer.getVolumeMounts())
        .singleElement()
        .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
    assertThat(template.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(template.getSpec().getSecurityContext().getSeccompProfile().getType())
        .isEqualTo("RuntimeDefault");
    assertThat(trainer.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
  }

  @Test
  void theTemplateOverridesWhatItSetsButNotTheServingContract() {
    ModelDeployment md =
        md(
            """
              serving:
                replicas: 3
                template:
                  metadata: {labels: {team: a}, annotations: {note: x}}
                  spec:
                    nodeSelector: {pool: serving}
                    containers:
                      - name: sidecar
                        image: busybox
                      - name: trainer
                        image: my/trainer:2
                        args: [train, --data, x]
                        env:
                          - {name: JAVA_OPTS, value: -Xmx1g}
                          - {name: PADDOCK_S3_ACCESS_KEY, value: literal}
                        resources: {limits: {cpu: "2"}}
                        securityContext: {runAsUser: 1234, runAsNonRoot: true}
                        lifecycle: {preStop: {exec: {command: [/bin/drain]}}}
              rollout: {progressDeadlineSeconds: 120}
            """);

    Deployment deployment = ServingDeployments.deployment(md, PRIMARY, SETTINGS);

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
    assertThat(deployment.getSpec().getProgressDeadlineSeconds()).isEqualTo(120);
    var template = deployment.getSpec().getTemplate();
    assertThat(template.getMetadata().getLabels()).containsEntry("team", "a");
    assertThat(template.getMetadata().getAnnotations()).containsEntry("note", "x");
    assertThat(template.getSpec().getNodeSelector()).containsEntry("pool", "serving");
    assertThat(template.getSpec().getContainers())
        .extracting(Container::getName)
        .containsExactly("sidecar", "trainer");
    Container trainer = trainer(deployment);
    assertThat(trainer.getImage()).isEqualTo("my/trainer:2");
    assertThat(trainer.getArgs()).startsWith("serve", "--model", PRIMARY.uri());
    assertThat(trainer.getResources().getLimits()).containsKey("cpu");
    assertThat(trainer.getSecurityContext().getRunAsUser()).isEqualTo(1234L);
    assertThat(trainer.getLifecycle().getPreStop().getExec().getCommand())
        .containsExactly("/bin/drain");
    assertThat(trainer.getLifecycle().getPreStop().getSleep()).isNull();
    // The template's own securityContext is completed, not replaced.
    assertThat(trainer.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(trainer.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(template.getSpec().getContainers().get(0).getSecurityContext().getRunAsNonRoot())
        .isTrue();
    assertThat(trainer.getEnv())
        .extracting(EnvVar::getName)
        .containsExactly(
            "JAVA_OPTS",
            "POD_IP",
            "PADDOCK_S3_ENDPOINT",
            "PADDOCK_S3_ACCESS_KEY",
            "PADDOCK_S3_SECRET_KEY");
    assertThat(trainer.getEnv()).noneMatch(e -> "literal".equals(e.getValue()));
  }

  @Test
  void aCanaryRunsTheCandidateBesideThePrimaryAndMustStayReadyForItsMinutes() {
    ModelDeployment md =
        md("  rollout: {progressDeadlineSeconds: 120, canary: {replicas: 2, minutes: 5}}\n");

    Deployment canary = ServingDeployments.canary(md, PRIMARY, SETTINGS);

    assertThat(canary.getMetadata().getName()).isEqualTo("churn-canary");
    assertThat(canary.getMetadata().getOwnerReferences().get(0).getUid()).isEqualTo("u-1");
    assertThat(canary.getSpec().getReplicas()).isEqualTo(2);
    assertThat(canary.getSpec().getMinReadySeconds()).isEqualTo(300);
    assertThat(canary.getSpec().getProgressDeadlineSeconds()).isEqualTo(420);
    assertThat(canary.getSpec().getSelector().getMatchLabels())
        .containsEntry("paddock.dev/track", "canary");
    assertThat(canary.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("paddock.dev/model-deployment", "churn")
        .containsEntry("paddock.dev/model-code", PRIMARY.code());
    assertThat(trainer(canary).getArgs()).contains(PRIMARY.uri());
    assertThat(ServingDeployments.canaryMinutesOrNull(md.getSpec())).isEqualTo(5);
    assertThat(ServingDeployments.canaryMinutesOrNull(md("").getSpec())).isNull();
    assertThat(
            ServingDeployments.canaryMinutesOrNull(
                md("  rollout: {canary: {replicas: 1}}\n").getSpec()))
        .isEqualTo(10);
  }

  @Test
  void theServiceSelectsTheServingPodsOnPort80() {
    Service service = ServingDeployments.service(md(""));

    assertThat(service.getSpec().getSelector())
        .containsExactly(Map.entry("paddock.dev/model-deployment", "churn"));
    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getPort()).isEqualTo(80);
              assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
            });
    assertThat(service.getMetadata().getOwnerReferences().get(0).getUid()).isEqualTo("u-1");
  }

  @Test
  void codesBecomeValidLabelValues() {
    assertThat(ServingLabels.labelValue("QS-A-N64B32-L3E-3")).isEqualTo("QS-A-N64B32-L3E-3");
    assertThat(ServingLabels.labelValue("MLP/A {x}")).isEqualTo("MLP-A--x");
    assertThat(ServingLabels.labelValue("-" + "a".repeat(80))).hasSize(63).startsWith("a");
    assertThat(ServingLabels.labelValue("///")).isEqualTo("model");
  }
}
