package dev.paddock.operator.collector;

import dev.paddock.api.v1alpha1.MetricsCollectorKind;
import dev.paddock.contract.CollectedPod;
import dev.paddock.contract.TrainerEnv;
import dev.paddock.contract.metrics.MetricsFormat;
import dev.paddock.contract.metrics.MetricsSpec;
import dev.paddock.contract.store.S3Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What the collector sidecar is told by the pod the operator rendered ({@link CollectedPod}): how
 * to read the trainer's metrics, where the shared directories are, the trial's artifact prefix and
 * store, and where to report.
 *
 * @param artifacts the trial's artifact prefix, {@code s3://bucket/.../trials/<trial>/}
 * @param checkpointSync how often the checkpoint directory is synced while the trainer runs
 * @param storeWait how long a restore waits for an unreachable store before the trainer starts from
 *     scratch
 */
record CollectorSettings(
    CollectorChoice choice,
    Path runDir,
    Path outputDir,
    Path checkpointDir,
    String artifacts,
    S3Settings s3,
    Map<String, String> reportEnv,
    Duration checkpointSync,
    Duration storeWait) {

  static CollectorSettings fromEnv(Map<String, String> env) {
    MetricsCollectorKind kind = MetricsCollectorKind.valueOf(required(env, CollectedPod.KIND_ENV));
    MetricsSpec spec =
        kind == MetricsCollectorKind.PUSH
            ? null
            : new MetricsSpec(
                MetricsFormat.valueOf(required(env, CollectedPod.FORMAT_ENV)),
                env.get(CollectedPod.EPOCH_KEY_ENV),
                env.get(CollectedPod.PATTERN_ENV));
    return new CollectorSettings(
        new CollectorChoice(kind, spec, env.get(CollectedPod.PATH_ENV)),
        Path.of(env.getOrDefault(CollectedPod.RUN_DIR_ENV, CollectedPod.RUN_DIR)),
        Path.of(env.getOrDefault(TrainerEnv.OUTPUT_DIR, CollectedPod.OUTPUT_DIR)),
        Path.of(env.getOrDefault(TrainerEnv.CHECKPOINT_DIR, CollectedPod.CHECKPOINT_DIR)),
        required(env, TrainerEnv.ARTIFACTS),
        S3Settings.fromEnv(env),
        env,
        Duration.ofSeconds(
            Long.parseLong(env.getOrDefault("PADDOCK_CHECKPOINT_SYNC_SECONDS", "10"))),
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("PADDOCK_STORE_WAIT_SECONDS", "120"))));
  }

  Path run(String file) {
    return runDir.resolve(file);
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          name + " is not set: the collector runs in a pod the operator renders");
    }
    return value;
  }
}
