package dev.paddock.operator.cli;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.operator.local.ArtifactTarget;
import dev.paddock.operator.local.JsonLinesView;
import dev.paddock.operator.local.LocalStudyRunner;
import dev.paddock.operator.local.ProgressView;
import dev.paddock.operator.local.QuietView;
import dev.paddock.operator.local.RunOptions;
import dev.paddock.operator.local.StudyFiles;
import dev.paddock.operator.local.TableView;
import dev.paddock.operator.manifest.InvalidManifestException;
import dev.paddock.operator.study.StudyDefinition;
import dev.paddock.operator.study.StudyDefinitions;
import dev.paddock.operator.study.StudyPhase;
import dev.paddock.operator.study.StudyPlan;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paddock run study.yaml}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a TrainingStudy manifest on this machine.",
      "Trials run their container's command here, $(VAR) expanded as in a pod.",
      "The image is not used: the command (python3, ...) must exist on this machine.",
      "Search, early stopping, grading, archive and promotion are the operator's.",
      "Ctrl-C stops the trials; running it again resumes the study where it stopped."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the study succeeded",
      "1:the study failed",
      "2:the manifest is invalid, or edits a fixed field of the study in the store",
      "130:interrupted (run again to resume)"
    })
final class RunCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "MANIFEST", description = "TrainingStudy manifest (YAML).")
  Path manifest;

  @Option(
      names = "--store",
      paramLabel = "DIR|s3://BUCKET[/PREFIX]",
      description = {
        "Where the study's files go.",
        "Default: .paddock next to the manifest.",
        "With s3://, trial artifacts and the archive go to S3.",
        "The run's records then stay next to the manifest.",
        "Keys: PADDOCK_S3_ACCESS_KEY, PADDOCK_S3_SECRET_KEY.",
        "Or: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY."
      })
  String store;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description = {"S3 endpoint for an s3:// --store.", "Example: http://127.0.0.1:9000."})
  String endpoint;

  @Option(names = "--trainer", paramLabel = "PATH", description = "The paddock-trainer launcher.")
  Path trainer;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = {
        "Trials at once (default: one per core).",
        "May exceed the cores; never the study's parallelism.",
        "The run says so when it lowers the study's."
      })
  Integer parallel;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (live), json (one object per event) or quiet.")
  String output;

  @Override
  public Integer call() {
    TrainingStudy study;
    StudyDefinition definition;
    try {
      study = StudyFiles.load(manifest);
      definition = StudyDefinitions.from(study.getMetadata().getName(), study.getSpec());
    } catch (RuntimeException e) {
      System.err.println("paddock: " + e.getMessage());
      return 2;
    }
    RunOptions options;
    try {
      options = options();
    } catch (IllegalArgumentException e) {
      System.err.println("paddock: " + e.getMessage());
      return 2;
    }
    LocalStudyRunner runner = new LocalStudyRunner(study, definition, options, view());
    Thread hook = new Thread(runner::interrupt, "paddock-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    StudyPlan plan;
    try {
      plan = runner.run();
    } catch (InvalidManifestException e) {
      System.err.println("paddock: " + e.getMessage());
      return 2;
    } finally {
      Runtime.getRuntime().removeShutdownHook(hook);
    }
    if (plan == null) {
      return 130;
    }
    return plan.phase() == StudyPhase.FAILED ? 1 : 0;
  }

  private RunOptions options() {
    boolean s3 = store != null && store.startsWith("s3://");
    Path storeRoot = store == null || s3 ? null : Path.of(store);
    RunOptions defaults =
        RunOptions.forMachine(manifest, storeRoot, TrainerLocator.locate(trainer));
    ArtifactTarget artifacts =
        s3 ? ArtifactTarget.s3(store, endpoint, System.getenv()) : ArtifactTarget.LOCAL;
    return new RunOptions(
        defaults.manifest(),
        defaults.storeRoot(),
        defaults.trainer(),
        parallel != null ? parallel : defaults.maxParallel(),
        1,
        Clock.systemUTC(),
        artifacts);
  }

  private ProgressView view() {
    return switch (output) {
      case "json" -> new JsonLinesView(System.out);
      case "quiet" -> new QuietView();
      case "table" -> new TableView(System.out, System.console() != null);
      default ->
          throw new IllegalArgumentException(
              "--output must be table, json or quiet, not " + output);
    };
  }
}
