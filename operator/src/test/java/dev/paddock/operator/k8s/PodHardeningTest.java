package dev.paddock.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

class PodHardeningTest {

  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private static PodSpec hardened(String yaml) {
    PodSpec pod = YAML.unmarshal(yaml, PodSpec.class);
    PodHardening.apply(pod);
    return pod;
  }

  private static SecurityContext container(PodSpec pod, int i) {
    return pod.getContainers().get(i).getSecurityContext();
  }

  @Test
  void aTemplateThatSaysNothingGetsTheRestrictedProfile() {
    PodSpec pod =
        hardened(
            """
            initContainers: [{name: fetch, image: busybox}]
            containers: [{name: trainer, image: t}, {name: sidecar, image: s}]
            """);

    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getInitContainers().get(0).getSecurityContext().getRunAsNonRoot()).isTrue();
    for (int i = 0; i < 2; i++) {
      SecurityContext context = container(pod, i);
      assertThat(context.getAllowPrivilegeEscalation()).isFalse();
      assertThat(context.getCapabilities().getDrop()).containsExactly("ALL");
      assertThat(context.getCapabilities().getAdd()).isNullOrEmpty();
      assertThat(context.getRunAsNonRoot()).isTrue();
      assertThat(context.getRunAsUser()).isNull();
    }
  }

  @Test
  void aContainerThatRunsAsRootKeepsItAndThePodDoesNotForbidIt() {
    PodSpec pod =
        hardened(
            """
            containers:
              - {name: trainer, image: gpu, securityContext: {runAsUser: 0}}
              - {name: sidecar, image: s}
            """);

    assertThat(container(pod, 0).getRunAsUser()).isZero();
    assertThat(container(pod, 0).getRunAsNonRoot()).isNull();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isNull();
    // Everything the user did not choose is still hardened, and the other container too.
    assertThat(container(pod, 0).getAllowPrivilegeEscalation()).isFalse();
    assertThat(container(pod, 0).getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container(pod, 1).getRunAsNonRoot()).isTrue();
  }

  @Test
  void explicitChoicesWinFieldByField() {
    PodSpec pod =
        hardened(
            """
            securityContext: {runAsNonRoot: false, seccompProfile: {type: Unconfined}}
            containers:
              - name: trainer
                image: t
                securityContext:
                  allowPrivilegeEscalation: true
                  capabilities: {add: [NET_BIND_SERVICE], drop: [NET_RAW]}
            """);

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isFalse();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("Unconfined");
    SecurityContext trainer = container(pod, 0);
    assertThat(trainer.getAllowPrivilegeEscalation()).isTrue();
    assertThat(trainer.getCapabilities().getDrop()).containsExactly("NET_RAW");
    assertThat(trainer.getCapabilities().getAdd()).containsExactly("NET_BIND_SERVICE");
    assertThat(trainer.getRunAsNonRoot()).isNull();
  }

  @Test
  void addedCapabilitiesKeepTheDefaultDrop() {
    PodSpec pod =
        hardened(
            """
            containers:
              - {name: trainer, image: t, securityContext: {capabilities: {add: [SYS_PTRACE]}}}
            """);

    assertThat(container(pod, 0).getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container(pod, 0).getCapabilities().getAdd()).containsExactly("SYS_PTRACE");
  }

  @Test
  void noDefaultTheApiServerWouldRefuseBesideAPrivilegedContainer() {
    PodSpec pod =
        hardened(
            """
            containers:
              - {name: a, image: t, securityContext: {privileged: true}}
              - {name: b, image: t, securityContext: {capabilities: {add: [SYS_ADMIN]}}}
            """);

    assertThat(container(pod, 0).getAllowPrivilegeEscalation()).isNull();
    assertThat(container(pod, 0).getCapabilities()).isNull();
    assertThat(container(pod, 1).getAllowPrivilegeEscalation()).isNull();
    assertThat(container(pod, 1).getCapabilities().getDrop()).containsExactly("ALL");
  }

  @Test
  void aPodLevelRootUserIsAChoiceToo() {
    PodSpec pod =
        hardened(
            """
            securityContext: {runAsUser: 0}
            containers: [{name: trainer, image: t}]
            """);

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isNull();
    assertThat(container(pod, 0).getRunAsNonRoot()).isNull();
  }
}
