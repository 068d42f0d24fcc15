package dev.paddock.operator.studyreport;

import java.util.List;
import java.util.Map;

/**
 * One trial as the report sees it.
 *
 * @param name the trial's name, e.g. {@code churn-mlp-17}
 * @param index the trial's index in the study (the x axis of the objective plot)
 * @param parameters parameter name to canonical value text (numbers as text, or categorical text)
 * @param state {@code Succeeded}, {@code Failed}, {@code Pruned} or {@code Running}
 * @param objective the trial's objective, or null when it has none
 * @param grade {@code S} to {@code F}, or null when not graded
 * @param code the trial's readable code, or null
 * @param reason why the trial ended as it did (failure or pruning reason), or null
 * @param curve the objective per epoch as {@code [epoch, objective]} pairs, in epoch order
 * @param seconds the trial's wall time in seconds, or null
 */
public record ReportTrial(
    String name,
    long index,
    Map<String, String> parameters,
    String state,
    Double objective,
    String grade,
    String code,
    String reason,
    List<double[]> curve,
    Long seconds) {

  public static final String SUCCEEDED = "Succeeded";
  public static final String FAILED = "Failed";
  public static final String PRUNED = "Pruned";
  public static final String RUNNING = "Running";

  public ReportTrial {
    name = name == null ? "trial-" + index : name;
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    state = state == null ? RUNNING : state;
    curve = curve == null ? List.of() : curve.stream().map(double[]::clone).toList();
  }

  /** True when the objective is a finite number. */
  public boolean hasObjective() {
    return objective != null && Double.isFinite(objective);
  }

  /**
   * True when the trial takes part in rankings, importance and plots: it succeeded or was pruned (a
   * pruned trial's objective is the last value it reported) and has a finite objective.
   */
  public boolean ranked() {
    return hasObjective() && (SUCCEEDED.equals(state) || PRUNED.equals(state));
  }

  /** The trial's curve; each element is a copy {@code [epoch, objective]}. */
  @Override
  public List<double[]> curve() {
    return curve.stream().map(double[]::clone).toList();
  }
}
