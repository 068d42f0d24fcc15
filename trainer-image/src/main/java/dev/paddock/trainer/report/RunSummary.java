package dev.paddock.trainer.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The JSON summary written to the termination message.
 *
 * @param status completed, stopped or failed
 * @param epoch the last finished epoch
 * @param metrics the final metrics (last epoch, plus backtests)
 * @param error a one-line error, when failed
 * @param retryable whether running the trial again may help
 * @param artifacts where the artifacts are
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSummary(
    String status,
    int epoch,
    Map<String, Double> metrics,
    String error,
    boolean retryable,
    String artifacts) {

  public static final String COMPLETED = "completed";
  public static final String STOPPED = "stopped";
  public static final String FAILED = "failed";

  public static RunSummary failed(int epoch, String error, boolean retryable) {
    return new RunSummary(FAILED, epoch, Map.of(), error, retryable, null);
  }
}
