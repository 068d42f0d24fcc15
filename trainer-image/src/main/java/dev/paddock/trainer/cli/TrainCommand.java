package dev.paddock.trainer.cli;

import dev.paddock.contract.TerminationMessage;
import dev.paddock.contract.store.S3Settings;
import dev.paddock.contract.store.StoreUnavailableException;
import dev.paddock.trainer.config.Hyperparams;
import dev.paddock.trainer.config.ParamsJson;
import dev.paddock.trainer.config.TrainConfig;
import dev.paddock.trainer.data.DataOptions;
import dev.paddock.trainer.train.TrainRunner;
import dev.paddock.trainer.util.TrainerException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paddock-trainer train}: one trial, from flags and the trial contract's environment. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Trains an MLP and writes model/, metadata.json, hyperparams.json, epoch_metrics.csv to the"
          + " artifact prefix, and a JSON summary to the termination message.",
      "Hyperparameters come from flags, then PADDOCK_PARAMS (a JSON object; it wins).",
      "Exit codes: 0 completed or stopped, 1 internal error, 2 user error (bad data or"
          + " arguments; not retryable), 3 infrastructure error (retryable)."
    })
public final class TrainCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(TrainCommand.class);

  @Mixin HyperparamOptions hyper = new HyperparamOptions();
  @Mixin DataFlags dataFlags = new DataFlags();

  @Option(
      names = "--artifacts",
      description = "Artifact prefix, s3://bucket/prefix/ or file:///dir/ (env PADDOCK_ARTIFACTS).")
  String artifacts;

  @Option(names = "--trial", description = "Trial namespace/name (env PADDOCK_TRIAL).")
  String trial;

  @Option(
      names = "--report-url",
      description = "Where to POST epoch reports (env PADDOCK_REPORT_URL).")
  String reportUrl;

  @Option(
      names = "--checkpoint-every",
      description =
          "Epochs between checkpoints, 0 for none (env PADDOCK_CHECKPOINT_EVERY; default ${DEFAULT-VALUE}).",
      defaultValue = "5")
  int checkpointEvery;

  @Option(
      names = "--termination-log",
      description = "Summary file (env PADDOCK_TERMINATION_LOG; default ${DEFAULT-VALUE}).",
      defaultValue = "/dev/termination-log")
  Path terminationLog;

  @Option(
      names = "--threads",
      description = "libtorch threads (env PADDOCK_THREADS; default: one per core).",
      defaultValue = "0")
  int threads;

  Map<String, String> env = System.getenv();

  @Override
  public Integer call() {
    TrainConfig cfg;
    Path termination = Path.of(envOr("PADDOCK_TERMINATION_LOG", terminationLog.toString()));
    Thread onSignal = terminationHook(termination);
    try {
      EngineSetup.threads(Integer.parseInt(envOr("PADDOCK_THREADS", Integer.toString(threads))));
      cfg = config();
      TerminationMessage summary = new TrainRunner(cfg).run();
      finished(onSignal);
      summary.write(termination);
      return 0;
    } catch (TrainerException e) {
      finished(onSignal);
      return failed(e, termination);
    } catch (StoreUnavailableException e) {
      finished(onSignal);
      return failed(TrainerException.of(e), termination);
    } catch (RuntimeException | Error e) {
      finished(onSignal);
      LOG.error("internal error", e);
      String msg = e.toString().lines().findFirst().orElse("internal error");
      TerminationMessage.failure(0, msg, false).write(termination);
      return 1;
    }
  }

  private static int failed(TrainerException e, Path termination) {
    LOG.error("{}", e.getMessage(), LOG.isDebugEnabled() ? e : null);
    System.err.println("error: " + e.getMessage());
    TerminationMessage.failure(0, e.getMessage(), e.retryable()).write(termination);
    return e.exitCode();
  }

  /**
   * On SIGTERM (preemption, eviction) the run is cut short: say so, as retryable, so the trial is
   * retried and resumes from its last checkpoint.
   */
  private static Thread terminationHook(Path termination) {
    Thread hook =
        new Thread(
            () ->
                TerminationMessage.failure(0, "terminated by a signal before the run ended", true)
                    .write(termination));
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  private static void finished(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down
    }
  }

  TrainConfig config() {
    Map<String, String> fromFlags = hyper.asMap();
    String epochsEnv = env.get("PADDOCK_EPOCHS");
    Map<String, String> fromEnv = new LinkedHashMap<>();
    if (epochsEnv != null && !epochsEnv.isBlank()) {
      fromEnv.put("epochs", epochsEnv);
    }
    fromEnv.putAll(ParamsJson.parse(env.get("PADDOCK_PARAMS")));
    fromFlags.keySet().stream()
        .filter(fromEnv::containsKey)
        .forEach(
            k -> LOG.info("parameter {}: PADDOCK_PARAMS/PADDOCK_EPOCHS overrides the flag", k));
    Hyperparams hp = Hyperparams.resolve(fromFlags, fromEnv);
    DataOptions data = dataFlags.toOptions();
    String trialName = envOr("PADDOCK_TRIAL", trial);
    if (trialName == null) {
      trialName = "local/trial";
    }
    String art = envOr("PADDOCK_ARTIFACTS", artifacts);
    if (art == null) {
      art =
          Path.of("paddock-artifacts", trialName.replace('/', '_'))
              .toAbsolutePath()
              .toUri()
              .toString();
    }
    return new TrainConfig(
        hp,
        data,
        art,
        trialName,
        envOr("PADDOCK_REPORT_URL", reportUrl),
        env.get("PADDOCK_REPORT_TOKEN"),
        Integer.parseInt(envOr("PADDOCK_CHECKPOINT_EVERY", Integer.toString(checkpointEvery))),
        Path.of(envOr("PADDOCK_TERMINATION_LOG", terminationLog.toString())),
        S3Settings.fromEnv(env));
  }

  private String envOr(String key, String flag) {
    if (flag != null && !isDefault(key)) {
      return flag;
    }
    String v = env.get(key);
    return v == null || v.isBlank() ? flag : v;
  }

  /** Flags with defaults lose to the environment; flags a person typed win. */
  private boolean isDefault(String key) {
    return List.of("PADDOCK_CHECKPOINT_EVERY", "PADDOCK_TERMINATION_LOG", "PADDOCK_THREADS")
        .contains(key);
  }
}
