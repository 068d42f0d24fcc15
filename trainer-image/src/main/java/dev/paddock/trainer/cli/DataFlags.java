package dev.paddock.trainer.cli;

import dev.paddock.trainer.data.DataOptions;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Flags about the data. */
public final class DataFlags {

  @Option(
      names = "--data",
      required = true,
      description =
          "CSV path, file://, s3://bucket/key (.gz ok), or synthetic:NAME?rows=N&seed=S (friedman1, moons, blobs, races, linear).")
  String data;

  @Option(names = "--label", required = true, description = "Label column.")
  String label;

  @Option(
      names = "--features",
      split = ",",
      description = "Feature columns (default: every other numeric column).")
  List<String> features;

  @Option(names = "--categorical", split = ",", description = "Columns to encode as categories.")
  List<String> categorical;

  @Option(
      names = "--categorical-encoding",
      defaultValue = "onehot",
      description = "onehot (default) or index.")
  String categoricalEncoding;

  @Option(
      names = "--max-categories",
      defaultValue = "64",
      description = "Most categories per column (default ${DEFAULT-VALUE}).")
  int maxCategories;

  @Option(
      names = "--task",
      defaultValue = "auto",
      description = "auto (default), binary, multiclass, regression.")
  String task;

  @Option(names = "--split", defaultValue = "random", description = "random (default) or time.")
  String split;

  @Option(
      names = "--time-column",
      description = "Date/time column for --split time, --holdout and --half-life-days.")
  String timeColumn;

  @Option(
      names = "--holdout",
      split = ",",
      description = "Holdout periods reported as backtests: 2015, 2020-03, 2023-01-01..2023-06-30.")
  List<String> holdouts;

  @Option(
      names = "--max-memory-mb",
      defaultValue = "512",
      description =
          "Heap bound for the encoded features; larger data is memory-mapped from --work-dir (default ${DEFAULT-VALUE}).")
  long maxMemoryMb;

  @Option(
      names = "--work-dir",
      description = "Scratch directory (env PADDOCK_WORK_DIR; default java.io.tmpdir).")
  Path workDir;

  DataOptions toOptions() {
    Path dir = workDir;
    if (dir == null && System.getenv("PADDOCK_WORK_DIR") != null) {
      dir = Path.of(System.getenv("PADDOCK_WORK_DIR"));
    }
    return new DataOptions(
        data,
        label,
        features,
        categorical,
        categoricalEncoding,
        task,
        split,
        timeColumn,
        holdouts,
        maxMemoryMb,
        maxCategories,
        dir);
  }
}
