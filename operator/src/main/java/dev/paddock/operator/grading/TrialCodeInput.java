package dev.paddock.operator.grading;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * What a trial code is made of.
 *
 * @param finished the trial's finish date, given by the caller (never read from a clock here)
 * @param objective the trial's objective, for an {@code {objective}} field; may be null
 */
public record TrialCodeInput(
    long index, Grade grade, LocalDate finished, Double objective, Map<String, String> parameters) {
  public TrialCodeInput {
    Objects.requireNonNull(grade, "grade");
    Objects.requireNonNull(finished, "finished");
    parameters = Map.copyOf(parameters);
  }
}
