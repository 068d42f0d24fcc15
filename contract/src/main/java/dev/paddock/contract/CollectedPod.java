package dev.paddock.contract;

/**
 * The shape of a collected trial's pod (one whose study sets {@code spec.trial.metricsCollector}):
 * the directories its trainer and its collector sidecar share, the files through which they talk,
 * and the collector's settings. The operator renders the pod from these names, the collector
 * ({@code paddock collect}) and the launcher ({@code operator/src/main/c/paddock-launch.c}, which
 * spells the file names out again in C) use them.
 *
 * <p>The trainer container runs {@code paddock-launch -- <its command> <its args>}: the launcher
 * appends what the command prints to {@link #STDOUT_LOG} and {@link #STDERR_LOG}, stops it once
 * {@link #STOP} exists, writes {@link #EXIT} when it has ended, and waits for {@link #COLLECTED}
 * before it exits.
 */
public final class CollectedPod {

  /** Shared by the trainer and the collector: the launcher, the logs and the handshake files. */
  public static final String RUN_DIR = "/paddock/run";

  /** The trainer's PADDOCK_OUTPUT_DIR: uploaded to the trial's artifacts when it ends. */
  public static final String OUTPUT_DIR = "/paddock/output";

  /** The trainer's PADDOCK_CHECKPOINT_DIR: restored before it starts, synced while it runs. */
  public static final String CHECKPOINT_DIR = "/paddock/checkpoints";

  /** The launcher, copied from the collector's image into the run directory. */
  public static final String LAUNCHER = "bin/paddock-launch";

  public static final String STDOUT_LOG = "stdout.log";
  public static final String STDERR_LOG = "stderr.log";

  /** Written by the collector once the launcher is in place and the checkpoints are restored. */
  public static final String READY = "ready";

  /** Written by the collector on a stop decision. */
  public static final String STOP = "stop";

  /**
   * Written by the launcher when the command has ended: {@code code N}, {@code signal N} or {@code
   * exec-error MESSAGE} on the first line, then {@code stopped} when the collector stopped it.
   */
  public static final String EXIT = "exit";

  /** Written by the collector once it has read, reported, uploaded and synced everything. */
  public static final String COLLECTED = "collected";

  /** The launcher's environment: where the run directory is, and how long a stop may take. */
  public static final String RUN_DIR_ENV = "PADDOCK_RUN_DIR";

  public static final String STOP_GRACE_ENV = "PADDOCK_STOP_GRACE_SECONDS";

  /** The collector's settings, from the study's spec.trial.metricsCollector. */
  public static final String KIND_ENV = "PADDOCK_COLLECTOR_KIND";

  public static final String FORMAT_ENV = "PADDOCK_COLLECTOR_FORMAT";
  public static final String EPOCH_KEY_ENV = "PADDOCK_COLLECTOR_EPOCH_KEY";
  public static final String PATTERN_ENV = "PADDOCK_COLLECTOR_PATTERN";
  public static final String PATH_ENV = "PADDOCK_COLLECTOR_PATH";

  private CollectedPod() {}

  /** A file of the run directory. */
  public static String run(String file) {
    return RUN_DIR + "/" + file;
  }
}
