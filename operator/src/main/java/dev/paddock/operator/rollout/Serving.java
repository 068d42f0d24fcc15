package dev.paddock.operator.rollout;

/**
 * What the serving workload is doing, as observed: which model its current revision runs and how
 * far that revision got.
 *
 * @param code the model code of the revision the workload runs; null when there is none
 */
public record Serving(String code, Progress progress) {

  /** How far the current revision got. */
  public enum Progress {
    /** No workload yet. */
    ABSENT,
    /** Rolling out, or the workload's controller has not observed the latest revision yet. */
    UPDATING,
    /** Every replica runs the current revision and is available. */
    AVAILABLE,
    /** The revision did not become available within the progress deadline. */
    TIMED_OUT
  }

  public static final Serving ABSENT = new Serving(null, Progress.ABSENT);

  /** True when the workload runs this model and its revision reached the given progress. */
  public boolean is(String model, Progress expected) {
    return progress == expected && model != null && model.equals(code);
  }
}
