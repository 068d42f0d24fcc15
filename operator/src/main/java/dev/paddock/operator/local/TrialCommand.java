package dev.paddock.operator.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paddock.api.v1alpha1.ContainerTemplate;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.contract.TrainerEnv;
import dev.paddock.contract.VarExpansion;
import dev.paddock.operator.study.TrainerKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The command line and environment of a local trial: the study template's trainer container's
 * command and args, with {@code $(VAR)} expanded from its environment exactly as the kubelet does,
 * run here as a child process with the trainer contract's environment. The image is not used
 * locally: a command such as {@code python3 train.py} must exist on this machine. A container that
 * runs {@code paddock-trainer} (or names no command, the trainer image's entrypoint) runs the local
 * {@code paddock-trainer} launcher.
 */
final class TrialCommand {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TrialCommand() {}

  /**
   * @throws IllegalArgumentException when the container's command is not found on this machine
   */
  static List<String> command(
      TrainingStudy study, Path trainerExecutable, Map<String, String> env, Path workDir) {
    ContainerTemplate trainer = TrainerKind.trainer(study);
    List<String> entrypoint = Objects.requireNonNullElse(trainer.getCommand(), List.of());
    List<String> words = new ArrayList<>();
    if (TrainerKind.runsPaddockTrainer(study)) {
      words.add(trainerExecutable.toString());
      words.addAll(entrypoint.isEmpty() ? List.of() : entrypoint.subList(1, entrypoint.size()));
    } else {
      words.addAll(entrypoint);
    }
    words.addAll(Objects.requireNonNullElse(trainer.getArgs(), List.of()));
    List<String> command =
        words.stream().map(w -> VarExpansion.expand(w, env)).collect(Collectors.toList());
    command.set(0, Executables.resolve(command.get(0), workDir, env));
    return command;
  }

  /** The template's plain env values, then the contract's variables (which win). */
  static Map<String, String> environment(
      TrainingStudy study,
      LiveTrial trial,
      LocalLayout layout,
      ArtifactTarget artifacts,
      String reportUrl,
      String token,
      int threads) {
    Map<String, String> env = new LinkedHashMap<>(templateEnv(TrainerKind.trainer(study)));
    env.put(TrainerEnv.TRIAL, layout.namespace() + "/" + trial.name);
    env.put(TrainerEnv.PARAMS, json(trial.spec.parameters()));
    env.putAll(TrainerEnv.paramVariables(trial.spec.parameters()));
    env.put(TrainerEnv.EPOCHS, Integer.toString(trial.spec.epochs()));
    env.put(TrainerEnv.ARTIFACTS, trial.artifacts);
    env.putAll(artifacts.trainerEnvironment());
    env.put(TrainerEnv.REPORT_URL, reportUrl);
    env.put(TrainerEnv.REPORT_TOKEN, token);
    env.put(TrainerEnv.TERMINATION_LOG, layout.terminationLog(trial.name).toString());
    env.put(TrainerEnv.THREADS, Integer.toString(threads));
    env.put(TrainerEnv.OUTPUT_DIR, layout.outputDir(trial.name).toString());
    env.put(TrainerEnv.CHECKPOINT_DIR, layout.checkpointDir(trial.name).toString());
    Integer checkpointEvery = study.getSpec().trial().checkpointEveryEpochs();
    env.put(
        TrainerEnv.CHECKPOINT_EVERY,
        Integer.toString(Objects.requireNonNullElse(checkpointEvery, 5)));
    return env;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> templateEnv(ContainerTemplate trainer) {
    Map<String, String> env = new LinkedHashMap<>();
    Object declared = trainer.getOtherFields().get("env");
    if (declared instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> var && var.get("name") != null && var.get("value") != null) {
          env.put(var.get("name").toString(), var.get("value").toString());
        }
      }
    }
    return env;
  }

  private static String json(Map<String, String> parameters) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(parameters));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
