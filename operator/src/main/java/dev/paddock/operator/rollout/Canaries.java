package dev.paddock.operator.rollout;

import java.time.Instant;
import java.util.Locale;

/**
 * The canary step of a rollout ({@code rollout.canary}): a candidate that passed the gates first
 * runs beside the primary; it is promoted once its workload is available (every canary replica
 * ready for the canary's minutes, which the workload's controller counts), and dropped and
 * remembered as failed when it is not available within the progress deadline plus those minutes.
 */
final class Canaries {

  private Canaries() {}

  static RolloutStep start(
      RolloutState state, Slot candidate, String why, RolloutPolicy policy, Instant now) {
    String reason =
        String.format(
            Locale.ROOT,
            "%s; running it as a canary for %d min before promoting it",
            why,
            policy.canaryMinutes());
    Slot canary =
        new Slot(
            candidate.code(),
            candidate.trial(),
            candidate.grade(),
            candidate.objective(),
            candidate.uri(),
            now);
    RolloutState next =
        new RolloutState(
            state.slots(),
            false,
            state.failedModels(),
            state.rolledBack(),
            Rollout.prepend(
                state.history(),
                new RolloutRecord(RolloutRecord.CANARY_STARTED, candidate.code(), reason, now)),
            canary);
    return new RolloutStep(next, RolloutStep.Outcome.CANARY_STARTED, canary.code(), reason, true);
  }

  static RolloutStep judge(RolloutState state, RolloutPolicy policy, Serving canary, Instant now) {
    Slot candidate = state.canary();
    RolloutState withoutCanary =
        new RolloutState(
            state.slots(), false, state.failedModels(), state.rolledBack(), state.history(), null);
    if (canary.is(candidate.code(), Serving.Progress.AVAILABLE)) {
      return Rollout.promote(
          withoutCanary,
          candidate,
          String.format(
              Locale.ROOT,
              "canary %s stayed ready for %d min",
              candidate.code(),
              policy.canaryMinutes()),
          now);
    }
    if (!canary.is(candidate.code(), Serving.Progress.TIMED_OUT)) {
      return Rollout.same(
          state,
          RolloutStep.Outcome.WAITING,
          candidate.code(),
          "canary " + candidate.code() + " runs beside the primary");
    }
    String reason =
        String.format(
            Locale.ROOT,
            "canary %s did not stay ready for %d min within %ds; %s stays primary",
            candidate.code(),
            policy.canaryMinutes(),
            policy.deadlineSeconds() + policy.canaryMinutes() * 60,
            state.slots().primary().code());
    RolloutState next =
        new RolloutState(
            state.slots(),
            false,
            Rollout.prepend(state.failedModels(), candidate.code()),
            state.rolledBack(),
            Rollout.prepend(
                state.history(),
                new RolloutRecord(RolloutRecord.CANARY_FAILED, candidate.code(), reason, now)),
            null);
    return new RolloutStep(next, RolloutStep.Outcome.CANARY_FAILED, candidate.code(), reason, true);
  }
}
