package dev.paddock.operator.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a view shows: the study's state and a row per trial. */
public record RunSnapshot(
    String study,
    String objectiveMetric,
    String phase,
    String message,
    int maxTrials,
    int finished,
    Duration elapsed,
    List<Row> trials) {

  /** One trial. */
  public record Row(
      String name,
      Map<String, String> parameters,
      int epoch,
      int epochs,
      Double objective,
      String grade,
      String code,
      String phase) {}

  /** Remaining time, from the mean time per finished trial; null before the first finishes. */
  public Duration eta() {
    if (finished == 0 || finished >= maxTrials) {
      return null;
    }
    return elapsed.dividedBy(finished).multipliedBy(maxTrials - finished);
  }
}
