package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Trials of a study by state. */
public record TrialCounts(
    @JsonPropertyDescription("Trials created so far.") Integer created,
    @JsonPropertyDescription("Trials running now.") Integer running,
    @JsonPropertyDescription("Trials that finished all their epochs.") Integer succeeded,
    @JsonPropertyDescription("Trials that failed after their retries.") Integer failed,
    @JsonPropertyDescription("Trials stopped early.") Integer pruned,
    @JsonPropertyDescription("succeeded + failed + pruned.") Integer finished,
    @JsonPropertyDescription(
            "Unfinished trials whose Job the study's queue (spec.scheduling.queueName) has"
                + " admitted; unset without a queue.")
        Integer admitted,
    @JsonPropertyDescription(
            "Unfinished trials whose Job waits for the study's queue to admit it; unset without"
                + " a queue.")
        Integer queued) {

  /** The counts without the queue's. */
  public TrialCounts(
      Integer created,
      Integer running,
      Integer succeeded,
      Integer failed,
      Integer pruned,
      Integer finished) {
    this(created, running, succeeded, failed, pruned, finished, null, null);
  }

  /** The same counts with the queue's. */
  public TrialCounts withQueue(Integer admitted, Integer queued) {
    return new TrialCounts(created, running, succeeded, failed, pruned, finished, admitted, queued);
  }
}
