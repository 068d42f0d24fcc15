package dev.paddock.operator.k8s.serving;

import dev.paddock.operator.k8s.ClusterSettings;
import dev.paddock.operator.k8s.PodHardening;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Container {@code trainer} of a serving pod: {@code paddock-trainer serve --model <uri> --host
 * $(POD_IP) --port 8080} (the image's entrypoint is {@code paddock-trainer}), the store's endpoint
 * and credentials (from the Secret, never literal), probes on the trainer's {@code /readyz} (ready
 * only after a test prediction) and {@code /healthz}, a read-only root filesystem with an emptyDir
 * at {@code /tmp}, and the {@link PodHardening} defaults (non-root, seccomp, no capabilities). What
 * the template sets is kept, except the arguments and the {@code PADDOCK_}/{@code POD_IP}
 * variables, which are Paddock's.
 */
final class TrainerContainer {

  static final String NAME = "trainer";
  static final int PORT = 8080;

  /** Seconds a terminating serving pod keeps answering before it is signalled. */
  static final int DRAIN_SECONDS = 5;

  static final String PORT_NAME = "http";
  static final String POD_IP = "POD_IP";

  private TrainerContainer() {}

  static void apply(PodSpec pod, String modelUri, ServingSettings settings) {
    List<Container> containers =
        new ArrayList<>(Objects.requireNonNullElse(pod.getContainers(), List.of()));
    Container trainer =
        containers.stream()
            .filter(c -> NAME.equals(c.getName()))
            .findFirst()
            .orElseGet(
                () -> {
                  Container created = new ContainerBuilder().withName(NAME).build();
                  containers.add(0, created);
                  return created;
                });
    pod.setContainers(containers);
    if (trainer.getImage() == null || trainer.getImage().isBlank()) {
      trainer.setImage(settings.trainerImage());
    }
    trainer.setArgs(
        List.of(
            "serve",
            "--model",
            modelUri,
            "--host",
            "$(" + POD_IP + ")",
            "--port",
            Integer.toString(PORT)));
    trainer.setEnv(env(trainer.getEnv(), settings.cluster()));
    trainer.setPorts(ports(trainer.getPorts()));
    if (trainer.getReadinessProbe() == null) {
      trainer.setReadinessProbe(probe("/readyz", 5, 3));
    }
    if (trainer.getLivenessProbe() == null) {
      trainer.setLivenessProbe(probe("/healthz", 10, 3));
    }
    if (trainer.getStartupProbe() == null) {
      // The model loads before the server answers: up to five minutes before liveness counts.
      trainer.setStartupProbe(probe("/healthz", 5, 60));
    }
    if (trainer.getLifecycle() == null) {
      trainer.setLifecycle(drainBeforeStop());
    }
    SecurityContext context =
        Objects.requireNonNullElseGet(trainer.getSecurityContext(), SecurityContext::new);
    if (context.getReadOnlyRootFilesystem() == null) {
      context.setReadOnlyRootFilesystem(true);
    }
    trainer.setSecurityContext(context);
    scratch(pod, trainer);
    PodHardening.apply(pod);
  }

  private static List<EnvVar> env(List<EnvVar> given, ClusterSettings cluster) {
    List<EnvVar> env = new ArrayList<>();
    Objects.requireNonNullElse(given, List.<EnvVar>of()).stream()
        .filter(e -> !e.getName().startsWith("PADDOCK_") && !POD_IP.equals(e.getName()))
        .forEach(env::add);
    env.add(
        new EnvVarBuilder()
            .withName(POD_IP)
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("status.podIP")
            .endFieldRef()
            .endValueFrom()
            .build());
    if (cluster.storeEndpoint() != null) {
      env.add(
          new EnvVarBuilder()
              .withName("PADDOCK_S3_ENDPOINT")
              .withValue(cluster.storeEndpoint())
              .build());
    }
    if (cluster.storeSecret() != null) {
      env.add(fromSecret("PADDOCK_S3_ACCESS_KEY", cluster.storeSecret(), "accessKey"));
      env.add(fromSecret("PADDOCK_S3_SECRET_KEY", cluster.storeSecret(), "secretKey"));
    }
    return env;
  }

  private static EnvVar fromSecret(String name, String secret, String key) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewSecretKeyRef()
        .withName(secret)
        .withKey(key)
        .endSecretKeyRef()
        .endValueFrom()
        .build();
  }

  private static List<ContainerPort> ports(List<ContainerPort> given) {
    List<ContainerPort> ports = new ArrayList<>();
    Objects.requireNonNullElse(given, List.<ContainerPort>of()).stream()
        .filter(p -> !PORT_NAME.equals(p.getName()) && !Objects.equals(p.getContainerPort(), PORT))
        .forEach(ports::add);
    ports.add(
        new ContainerPortBuilder()
            .withName(PORT_NAME)
            .withContainerPort(PORT)
            .withProtocol("TCP")
            .build());
    return ports;
  }

  /**
   * A terminating pod leaves the Service's endpoints while kube-proxy and the callers' connection
   * pools still send it requests for a moment: it keeps serving that long before it is signalled,
   * so a rollout fails no request (RealNodeChartIT counts them).
   */
  private static Lifecycle drainBeforeStop() {
    return new LifecycleBuilder()
        .withNewPreStop()
        .withNewSleep()
        .withSeconds((long) DRAIN_SECONDS)
        .endSleep()
        .endPreStop()
        .build();
  }

  private static Probe probe(String path, int periodSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withPort(new IntOrString(PORT_NAME))
        .endHttpGet()
        .withPeriodSeconds(periodSeconds)
        .withTimeoutSeconds(5)
        .withFailureThreshold(failureThreshold)
        .build();
  }

  /** A writable /tmp on a read-only root filesystem, unless the template mounts one. */
  private static void scratch(PodSpec pod, Container trainer) {
    boolean mounted =
        Objects.requireNonNullElse(trainer.getVolumeMounts(), List.<VolumeMount>of()).stream()
            .anyMatch(m -> "/tmp".equals(m.getMountPath()));
    if (mounted) {
      return;
    }
    String volume = "paddock-tmp";
    List<VolumeMount> mounts =
        new ArrayList<>(Objects.requireNonNullElse(trainer.getVolumeMounts(), List.of()));
    mounts.add(new VolumeMountBuilder().withName(volume).withMountPath("/tmp").build());
    trainer.setVolumeMounts(mounts);
    List<Volume> volumes = new ArrayList<>(Objects.requireNonNullElse(pod.getVolumes(), List.of()));
    volumes.add(new VolumeBuilder().withName(volume).withNewEmptyDir().endEmptyDir().build());
    pod.setVolumes(volumes);
  }
}
