package dev.paddock.operator.k8s.trial;

import dev.paddock.api.v1alpha1.MetricsCollectorSpec;
import dev.paddock.contract.CollectedPod;
import dev.paddock.contract.TrainerEnv;
import dev.paddock.operator.collector.CollectorChoice;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A collected trial's pod (its study sets {@code spec.trial.metricsCollector}): Paddock's collector
 * as a native sidecar (an init container with {@code restartPolicy: Always}, Kubernetes 1.29+), and
 * the trainer's own command run unchanged by the launcher ({@link CollectedPod}). No webhook: the
 * operator renders the Job itself. The trainer starts only once the collector's startup probe
 * passes, that is once the launcher is in place and the checkpoints are restored.
 */
final class CollectorSidecar {

  static final String NAME = "paddock-collector";

  /** Kubernetes' default terminationGracePeriodSeconds. */
  private static final long DEFAULT_GRACE_SECONDS = 30;

  private static final String RUN_VOLUME = "paddock-run";
  private static final String OUTPUT_VOLUME = "paddock-output";
  private static final String CHECKPOINT_VOLUME = "paddock-checkpoints";
  private static final String TMP_VOLUME = "paddock-collector-tmp";

  /** The contract's variables the collector needs: where to report, and the store. */
  private static final Set<String> COLLECTOR_CONTRACT =
      Set.of(
          TrainerEnv.TRIAL,
          TrainerEnv.EPOCHS,
          TrainerEnv.ARTIFACTS,
          TrainerEnv.REPORT_URL,
          TrainerEnv.REPORT_TOKEN,
          TrainerEnv.S3_ENDPOINT,
          TrainerEnv.S3_ACCESS_KEY,
          TrainerEnv.S3_SECRET_KEY);

  /**
   * A small heap and a quick start: the collector reads lines, posts JSON and copies files. Its
   * temporary files go to its own emptyDir (the root filesystem is read-only).
   */
  private static final String JAVA_OPTS =
      "-Xmx96m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.io.tmpdir=/tmp";

  private CollectorSidecar() {}

  /** Whether the study's trials are collected (and so get the sidecar and the launcher). */
  static boolean wanted(MetricsCollectorSpec collector) {
    return collector != null;
  }

  /**
   * Adds the collector and the shared directories to the pod, and runs the trainer's command
   * through the launcher.
   *
   * @param contract the trainer contract's variables, as the trainer gets them
   * @throws IllegalArgumentException when the trainer names no command (the API server refuses such
   *     a study; the check is repeated for a study that predates the rule)
   */
  static void attach(
      PodSpec pod,
      Container trainer,
      MetricsCollectorSpec collector,
      List<EnvVar> contract,
      String image) {
    long stopGraceSeconds =
        Objects.requireNonNullElse(pod.getTerminationGracePeriodSeconds(), DEFAULT_GRACE_SECONDS);
    List<String> command = Objects.requireNonNullElse(trainer.getCommand(), List.of());
    if (command.isEmpty()) {
      throw new IllegalArgumentException(
          "the trainer container names no command: with spec.trial.metricsCollector its command"
              + " is run by Paddock's launcher, so the image's entrypoint must be spelled out");
    }
    List<String> launched = new ArrayList<>();
    launched.add(CollectedPod.run(CollectedPod.LAUNCHER));
    launched.add("--");
    launched.addAll(command);
    trainer.setCommand(launched);
    List<EnvVar> env = new ArrayList<>();
    List<EnvVar> managed = managedDirectories();
    Set<String> names = new java.util.HashSet<>();
    managed.forEach(e -> names.add(e.getName()));
    names.add(CollectedPod.STOP_GRACE_ENV);
    names.add(TrainerEnv.TERMINATION_LOG);
    // The pod's paths win over a template's own: they are where the volumes are.
    trainer.getEnv().stream().filter(e -> !names.contains(e.getName())).forEach(env::add);
    env.addAll(managed);
    env.add(plain(CollectedPod.STOP_GRACE_ENV, Long.toString(stopGraceSeconds)));
    env.add(plain(TrainerEnv.TERMINATION_LOG, "/dev/termination-log"));
    trainer.setEnv(env);
    trainer.setVolumeMounts(withMounts(trainer.getVolumeMounts(), false));
    pod.setVolumes(withVolumes(pod.getVolumes()));
    List<Container> init =
        new ArrayList<>(Objects.requireNonNullElse(pod.getInitContainers(), List.of()));
    init.add(collector(collector, contract, image));
    pod.setInitContainers(init);
  }

  private static Container collector(
      MetricsCollectorSpec spec, List<EnvVar> contract, String image) {
    List<EnvVar> env = new ArrayList<>();
    contract.stream().filter(e -> COLLECTOR_CONTRACT.contains(e.getName())).forEach(env::add);
    env.addAll(managedDirectories());
    settings(spec).forEach((name, value) -> env.add(plain(name, value)));
    env.add(plain("JAVA_OPTS", JAVA_OPTS));
    return new ContainerBuilder()
        .withName(NAME)
        .withImage(image)
        .withArgs("collect")
        .withRestartPolicy("Always")
        .withEnv(env)
        .withVolumeMounts(withMounts(List.of(), true))
        .withNewStartupProbe()
        .withNewExec()
        .withCommand("test", "-f", CollectedPod.run(CollectedPod.READY))
        .endExec()
        .withPeriodSeconds(1)
        // Restoring a large checkpoint from the store may take minutes.
        .withFailureThreshold(1800)
        .endStartupProbe()
        .withNewResources()
        .withRequests(Map.of("cpu", new Quantity("50m"), "memory", new Quantity("192Mi")))
        .withLimits(Map.of("memory", new Quantity("320Mi")))
        .endResources()
        .withNewSecurityContext()
        .withReadOnlyRootFilesystem(true)
        .endSecurityContext()
        .build();
  }

  /** The collector's settings: its kind, and the contract's parser settings. */
  private static Map<String, String> settings(MetricsCollectorSpec spec) {
    CollectorChoice choice = CollectorChoice.of(spec);
    Map<String, String> settings = new java.util.LinkedHashMap<>();
    settings.put(CollectedPod.KIND_ENV, choice.kind().name());
    if (choice.spec() != null) {
      settings.put(CollectedPod.FORMAT_ENV, choice.spec().format().name());
      settings.put(CollectedPod.EPOCH_KEY_ENV, choice.spec().epochKey());
      if (choice.spec().pattern() != null) {
        settings.put(CollectedPod.PATTERN_ENV, choice.spec().pattern());
      }
    }
    if (choice.path() != null) {
      settings.put(CollectedPod.PATH_ENV, choice.path());
    }
    return settings;
  }

  private static List<EnvVar> managedDirectories() {
    return List.of(
        plain(TrainerEnv.OUTPUT_DIR, CollectedPod.OUTPUT_DIR),
        plain(TrainerEnv.CHECKPOINT_DIR, CollectedPod.CHECKPOINT_DIR),
        plain(CollectedPod.RUN_DIR_ENV, CollectedPod.RUN_DIR));
  }

  private static List<VolumeMount> withMounts(List<VolumeMount> given, boolean collector) {
    List<VolumeMount> mounts = new ArrayList<>(Objects.requireNonNullElse(given, List.of()));
    mounts.add(mount(RUN_VOLUME, CollectedPod.RUN_DIR));
    mounts.add(mount(OUTPUT_VOLUME, CollectedPod.OUTPUT_DIR));
    mounts.add(mount(CHECKPOINT_VOLUME, CollectedPod.CHECKPOINT_DIR));
    if (collector) {
      mounts.add(mount(TMP_VOLUME, "/tmp"));
    }
    return mounts;
  }

  private static List<Volume> withVolumes(List<Volume> given) {
    List<Volume> volumes = new ArrayList<>(Objects.requireNonNullElse(given, List.of()));
    for (String name : List.of(RUN_VOLUME, OUTPUT_VOLUME, CHECKPOINT_VOLUME, TMP_VOLUME)) {
      volumes.add(new VolumeBuilder().withName(name).withNewEmptyDir().endEmptyDir().build());
    }
    return volumes;
  }

  private static VolumeMount mount(String volume, String path) {
    return new VolumeMountBuilder().withName(volume).withMountPath(path).build();
  }

  private static EnvVar plain(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }
}
