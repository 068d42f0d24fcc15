package dev.paddock.operator.k8s;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a reconcile that threw tells people, and when it is tried again. The operator SDK retries a
 * failed reconcile five times within about half a minute, then waits for the resource's next event;
 * an API call refused for good (RBAC, a ResourceQuota, an admission webhook) would leave a study or
 * trial silently stuck until then, hours later. So a failure that its first retry did not clear is
 * written into the resource's status in the API server's own words, and after the last retry the
 * reconcile runs again every {@link ReconcileRetry#recheck} (a minute unless configured), so that a
 * refusal fixed later (the quota raised, the Role granted) is picked up within it.
 */
public final class ReconcileErrors {

  /**
   * The condition a study or ModelDeployment gets while its reconcile keeps failing: kstatus reads
   * a True Stalled as a resource whose controller cannot make progress.
   */
  public static final String STALLED = "Stalled";

  /** The reason of the status and of the Warning event that report the failure. */
  public static final String REASON = "ReconcileError";

  private static final int MAX_MESSAGE = 1024;

  private ReconcileErrors() {}

  /**
   * The error status for a failed reconcile.
   *
   * @param recheck how long after the last retry the reconcile runs again
   * @param withError the resource with its status saying {@code message}, or empty when its status
   *     already says so (no write)
   */
  public static <P extends HasMetadata> ErrorStatusUpdateControl<P> control(
      Optional<RetryInfo> retry,
      Duration recheck,
      Exception error,
      Function<String, Optional<P>> withError) {
    boolean lastAttempt = retry.map(RetryInfo::isLastAttempt).orElse(true);
    boolean retried = retry.map(r -> r.getAttemptCount() >= 1).orElse(true);
    if (!retried && !lastAttempt) {
      // A first failure is often a conflict or a cache behind the server, which the retry clears.
      return ErrorStatusUpdateControl.defaultErrorProcessing();
    }
    ErrorStatusUpdateControl<P> control =
        withError
            .apply(message(error))
            .map(ErrorStatusUpdateControl::patchStatus)
            .orElseGet(ErrorStatusUpdateControl::noStatusUpdate);
    return lastAttempt ? control.rescheduleAfter(recheck) : control;
  }

  /**
   * Whether this failure is the first one reported since the reconcile last worked (or last ran a
   * minute after the retries): once per round of retries, for what is told in an event rather than
   * in the status.
   */
  public static boolean firstReport(Optional<RetryInfo> retry) {
    return retry.map(r -> r.getAttemptCount() == 1).orElse(true);
  }

  /**
   * What went wrong, for a person: the API server's message when it refused a call (e.g. {@code
   * jobs.batch "s-0" is forbidden: exceeded quota: ...}), else the error's own; at most 1024
   * characters.
   */
  public static String message(Throwable error) {
    Throwable cause = error;
    while (cause != null && !(cause instanceof KubernetesClientException)) {
      cause = cause.getCause();
    }
    String text;
    if (cause instanceof KubernetesClientException refused
        && refused.getStatus() != null
        && refused.getStatus().getMessage() != null) {
      text = refused.getStatus().getMessage() + " (HTTP " + refused.getCode() + ")";
    } else {
      Throwable shown = cause != null ? cause : error;
      text = shown.getMessage() == null ? shown.getClass().getName() : shown.getMessage();
    }
    String message = "the operator could not reconcile it: " + text;
    return message.length() <= MAX_MESSAGE
        ? message
        : message.substring(0, MAX_MESSAGE - 3) + "...";
  }

  /**
   * The conditions with Stalled set to {@code message} (True since it first turned True); empty
   * when they already say it, so a failure that lasts is written once. The resource's next
   * successful status, built without it, drops it.
   */
  public static Optional<List<Condition>> stalled(
      List<Condition> previous, String message, long generation, Instant now) {
    List<Condition> others = previous == null ? List.of() : previous;
    Optional<Condition> before =
        others.stream()
            .filter(c -> STALLED.equals(c.getType()) && "True".equals(c.getStatus()))
            .findFirst();
    if (before.isPresent() && message.equals(before.get().getMessage())) {
      return Optional.empty();
    }
    List<Condition> conditions =
        new ArrayList<>(others.stream().filter(c -> !STALLED.equals(c.getType())).toList());
    conditions.add(
        new ConditionBuilder()
            .withType(STALLED)
            .withStatus("True")
            .withReason(REASON)
            .withMessage(message)
            .withObservedGeneration(generation)
            .withLastTransitionTime(
                before.map(Condition::getLastTransitionTime).orElse(now.toString()))
            .build());
    return Optional.of(List.copyOf(conditions));
  }
}
