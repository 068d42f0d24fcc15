package dev.paddock.operator.cli;

import dev.paddock.operator.collector.Collector;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code paddock collect}: the collector sidecar of a collected trial's pod, as the operator
 * renders it. Not for people to run: everything it needs comes from the pod's environment.
 */
@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    description = {
      "Runs as the collector sidecar of a trial whose study sets spec.trial.metricsCollector.",
      "It restores the checkpoints, reads and reports the trainer's metrics, stops it when told.",
      "It uploads the trainer's output when it ends, and keeps its checkpoints in the store.",
      "The operator renders it into the trial's pod, with its settings in the environment."
    })
final class CollectCommand implements Callable<Integer> {

  @Option(
      names = "--launcher",
      paramLabel = "PATH",
      defaultValue = "/opt/paddock/bin/paddock-launch",
      description = "The launcher to copy into the pod (default ${DEFAULT-VALUE}).")
  Path launcher;

  @Override
  public Integer call() throws Exception {
    Collector.run(System.getenv(), launcher);
    return 0;
  }
}
