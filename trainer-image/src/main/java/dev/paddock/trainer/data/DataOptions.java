package dev.paddock.trainer.data;

import java.util.List;

/**
 * What to read and how to turn it into features: everything about the data that is not a tunable
 * hyperparameter.
 *
 * @param source a local path, {@code file://}, {@code s3://bucket/key} or {@code synthetic:NAME}
 * @param label the label column
 * @param features feature columns; empty means every other numeric column
 * @param categorical columns to encode as categories
 * @param categoricalEncoding {@code onehot} or {@code index}
 * @param task {@code auto}, {@code binary}, {@code multiclass} or {@code regression}
 * @param split {@code random} or {@code time}
 * @param timeColumn the column holding each row's date or time (time split, holdouts, half-life)
 * @param holdouts named holdout periods, e.g. {@code 2015}, {@code 2020-03}, {@code
 *     2023-01-01..2023-06-30}
 * @param maxMemoryMb bound on the heap used for the encoded feature matrix; larger data is kept in
 *     a memory-mapped file
 * @param maxCategories most distinct values one-hot encoded per categorical column
 * @param workDir scratch directory for spill files
 */
public record DataOptions(
    String source,
    String label,
    List<String> features,
    List<String> categorical,
    String categoricalEncoding,
    String task,
    String split,
    String timeColumn,
    List<String> holdouts,
    long maxMemoryMb,
    int maxCategories,
    java.nio.file.Path workDir) {

  public DataOptions {
    features = features == null ? List.of() : List.copyOf(features);
    categorical = categorical == null ? List.of() : List.copyOf(categorical);
    holdouts = holdouts == null ? List.of() : List.copyOf(holdouts);
  }
}
