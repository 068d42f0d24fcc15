package dev.paddock.operator.archive;

import dev.paddock.operator.grading.Grade;
import java.util.Map;

/** A finished trial that may be archived. */
public record ArchiveCandidate(
    String trial,
    long index,
    String code,
    Grade grade,
    double objective,
    Map<String, String> parameters) {
  public ArchiveCandidate {
    parameters = Map.copyOf(parameters);
  }
}
