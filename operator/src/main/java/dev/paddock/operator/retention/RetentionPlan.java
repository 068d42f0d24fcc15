package dev.paddock.operator.retention;

import java.util.List;

/**
 * What to delete now.
 *
 * @param trials trial records to delete (with their artifacts)
 * @param artifacts trials whose artifacts (not records) to delete
 */
public record RetentionPlan(List<String> trials, List<String> artifacts, boolean dryRun) {

  public boolean isEmpty() {
    return trials.isEmpty() && artifacts.isEmpty();
  }

  /** One line for an event, a log or a status. */
  public String summary() {
    String verb = dryRun ? "would delete" : "deleting";
    return String.format(
        "retention %s %d trial(s) beyond keepTrials %s and the artifacts of %d expired trial(s) %s",
        verb, trials.size(), trials, artifacts.size(), artifacts);
  }
}
