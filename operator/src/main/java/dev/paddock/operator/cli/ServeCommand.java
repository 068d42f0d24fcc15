package dev.paddock.operator.cli;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.contract.store.ArtifactLayout;
import dev.paddock.operator.local.LocalDeployments;
import dev.paddock.operator.local.StudyFiles;
import dev.paddock.operator.rollout.Slot;
import dev.paddock.operator.rollout.Slots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paddock serve --study S}: serves a locally deployed model with the trainer's server. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves a local deployment slot's model (POST /v1/predict).",
      "It runs paddock-trainer serve."
    })
final class ServeCommand implements Callable<Integer> {

  @Mixin StoreOption store;

  @Option(names = "--study", required = true, description = "The study whose deployment to serve.")
  String study;

  @Option(
      names = "--slot",
      defaultValue = "primary",
      description = "primary or backup (default primary).")
  String slot;

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default 8080).")
  int port;

  @Option(names = "--trainer", paramLabel = "PATH", description = "The paddock-trainer launcher.")
  Path trainer;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path root = store.resolve(Path.of(""));
    TrainingStudy record =
        StudyFiles.studies(root).stream()
            .filter(s -> study.equals(s.getMetadata().getName()))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no local study " + study + " in " + root.toAbsolutePath()));
    if (record.getSpec().deploy() == null) {
      throw new IllegalArgumentException(
          "study " + study + " has no deploy block, so nothing is deployed");
    }
    String deployment = record.getSpec().deploy().modelDeployment();
    Slots slots = new LocalDeployments(root.resolve("deployments")).read(deployment);
    Slot chosen = "backup".equals(slot) ? slots.backup() : slots.primary();
    if (chosen == null) {
      throw new IllegalArgumentException(
          "deployment " + deployment + " has no " + slot + " model yet");
    }
    System.err.printf(
        "serving %s (%s, grade %s) from %s on port %d%n",
        chosen.code(), chosen.trial(), chosen.grade(), chosen.uri(), port);
    List<String> command =
        new ArrayList<>(List.of(TrainerLocator.locate(trainer).toString(), "serve"));
    command.addAll(
        List.of("--model", chosen.uri() + ArtifactLayout.MODEL, "--port", Integer.toString(port)));
    return new ProcessBuilder(command).inheritIO().start().waitFor();
  }
}
