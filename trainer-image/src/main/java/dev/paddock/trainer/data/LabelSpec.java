package dev.paddock.trainer.data;

import java.util.List;

/**
 * The label and the task it defines.
 *
 * @param name the label column
 * @param task {@code binary}, {@code multiclass} or {@code regression}
 * @param classes class values in index order (classification); for binary the second is positive
 * @param mean regression target mean on the training split (0 otherwise)
 * @param std regression target standard deviation on the training split (1 otherwise)
 */
public record LabelSpec(String name, String task, List<String> classes, double mean, double std) {

  public static final String BINARY = "binary";
  public static final String MULTICLASS = "multiclass";
  public static final String REGRESSION = "regression";

  public LabelSpec {
    classes = classes == null ? List.of() : List.copyOf(classes);
  }

  public boolean classification() {
    return !REGRESSION.equals(task);
  }

  /** Width of the model's output layer. */
  public int outputs() {
    return MULTICLASS.equals(task) ? classes.size() : 1;
  }

  public LabelSpec withScale(double newMean, double newStd) {
    return new LabelSpec(name, task, classes, newMean, newStd);
  }
}
