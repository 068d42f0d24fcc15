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
      "Runs as the collector sidecar of a collected trial's pod.",
      "Studies that set spec.trial.metricsCollector use it; people need not run it.",
      "It restores checkpoints, reports the metrics, and stops the trainer when told.",
      "It uploads the trainer's output at the end; its settings come from the pod."
    })
final class CollectCommand implements Callable<Integer> {

  @Option(
      names = "--launcher",
      paramLabel = "PATH",
      defaultValue = "/opt/paddock/bin/paddock-launch",
      description = "The launcher to copy (default: the image's).")
  Path launcher;

  @Override
  public Integer call() throws Exception {
    Collector.run(System.getenv(), launcher);
    return 0;
  }
}
