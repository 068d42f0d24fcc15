package dev.paddock.operator.rollout;

import dev.paddock.operator.search.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rollout state machine of a ModelDeployment, one decision per call: finish or roll back the
 * rollout under way, else promote the source's best model if it passes the gates. One rollout at a
 * time: nothing is promoted while the workload has not caught up with the primary, so the backup is
 * always a model that was served.
 */
public final class Rollout {

  private Rollout() {}

  /** The best archived model not among the failed ones (ties: the smaller code). */
  public static Optional<Slot> best(
      Collection<Slot> archived, Collection<String> failed, Direction direction) {
    Comparator<Slot> better =
        Comparator.comparing(Slot::objective, direction.bestFirst()).thenComparing(Slot::code);
    return archived.stream().filter(s -> !failed.contains(s.code())).sorted(better).findFirst();
  }

  /** One decision without a canary. */
  public static RolloutStep step(
      RolloutState state,
      Source source,
      Gates gates,
      Direction direction,
      Serving serving,
      int deadlineSeconds,
      Instant now) {
    return step(
        state,
        source,
        new RolloutPolicy(gates, direction, deadlineSeconds, null),
        serving,
        Serving.ABSENT,
        now);
  }

  /**
   * One decision.
   *
   * @param serving the primary's workload
   * @param canary the canary's workload ({@link Serving#ABSENT} when there is none)
   */
  public static RolloutStep step(
      RolloutState state,
      Source source,
      RolloutPolicy policy,
      Serving serving,
      Serving canary,
      Instant now) {
    Slot primary = state.slots().primary();
    if (state.rollingOut() && primary != null) {
      return finishRollout(state, serving, policy.deadlineSeconds(), now);
    }
    if (!caughtUp(state, serving)) {
      return same(
          state,
          RolloutStep.Outcome.WAITING,
          primary.code(),
          "waiting for " + primary.code() + " to be served");
    }
    if (state.canary() != null) {
      return Canaries.judge(state, policy, canary, now);
    }
    if (source.best() == null) {
      return same(state, RolloutStep.Outcome.NO_SOURCE, null, source.message());
    }
    return source.pinned()
        ? pin(state, source.best(), now)
        : promoteIfBetter(state, source.best(), policy, now);
  }

  /**
   * Whether a decision in this state reads the source: not while a rollout or a canary is under
   * way, nor while the workload lags behind the primary (so the store is not read for nothing).
   */
  public static boolean needsSource(RolloutState state, Serving serving) {
    boolean rolling = state.rollingOut() && state.slots().primary() != null;
    return !rolling && state.canary() == null && caughtUp(state, serving);
  }

  private static boolean caughtUp(RolloutState state, Serving serving) {
    Slot primary = state.slots().primary();
    return primary == null
        || serving.is(primary.code(), Serving.Progress.AVAILABLE)
        || serving.is(primary.code(), Serving.Progress.TIMED_OUT);
  }

  /** A rollout under way ends when the primary is available, or rolls back at the deadline. */
  private static RolloutStep finishRollout(
      RolloutState state, Serving serving, int deadlineSeconds, Instant now) {
    Slot primary = state.slots().primary();
    if (serving.is(primary.code(), Serving.Progress.AVAILABLE)) {
      RolloutState next =
          new RolloutState(state.slots(), false, state.failedModels(), null, state.history());
      return new RolloutStep(
          next,
          RolloutStep.Outcome.COMPLETED,
          primary.code(),
          primary.code() + " is served",
          false);
    }
    if (!serving.is(primary.code(), Serving.Progress.TIMED_OUT)) {
      return same(
          state, RolloutStep.Outcome.WAITING, primary.code(), "rolling out " + primary.code());
    }
    Slot backup = state.slots().backup();
    if (backup == null) {
      String reason =
          String.format(
              Locale.ROOT,
              "%s did not become available within %ds and there is no backup to return to",
              primary.code(),
              deadlineSeconds);
      // It stays primary (nothing to return to) and is not marked failed: the next better model
      // is promoted over it as usual.
      return new RolloutStep(
          new RolloutState(
              state.slots(), false, state.failedModels(), state.rolledBack(), state.history()),
          RolloutStep.Outcome.STUCK,
          primary.code(),
          reason,
          false);
    }
    String reason =
        String.format(
            Locale.ROOT,
            "%s did not become available within %ds; rolled back to %s",
            primary.code(),
            deadlineSeconds,
            backup.code());
    List<RolloutRecord> history =
        prepend(
            state.history(),
            new RolloutRecord(RolloutRecord.ROLLED_BACK, primary.code(), reason, now));
    List<String> failed = prepend(state.failedModels(), primary.code());
    return new RolloutStep(
        new RolloutState(state.slots().rollBack(now), false, failed, reason, history),
        RolloutStep.Outcome.ROLLED_BACK,
        primary.code(),
        reason,
        true);
  }

  private static RolloutStep promoteIfBetter(
      RolloutState state, Slot candidate, RolloutPolicy policy, Instant now) {
    Slot primary = state.slots().primary();
    if (primary != null && primary.code().equals(candidate.code())) {
      return same(
          state,
          RolloutStep.Outcome.STEADY,
          primary.code(),
          primary.code() + " is the best archived model");
    }
    Promotion promotion =
        Promotion.decide(state.slots(), candidate, policy.gates(), policy.direction());
    if (promotion.promote()) {
      // The first model has no primary to run beside: it is promoted directly.
      return policy.canary() && primary != null
          ? Canaries.start(state, candidate, promotion.reason(), policy, now)
          : promote(state, candidate, promotion.reason(), now);
    }
    RolloutRecord refusal =
        new RolloutRecord(RolloutRecord.REFUSED, candidate.code(), promotion.reason(), now);
    boolean known =
        state.history().stream()
            .anyMatch(
                r ->
                    r.action().equals(RolloutRecord.REFUSED)
                        && r.code().equals(candidate.code())
                        && r.reason().equals(promotion.reason()));
    RolloutState next =
        known
            ? state
            : new RolloutState(
                state.slots(),
                false,
                state.failedModels(),
                state.rolledBack(),
                prepend(state.history(), refusal));
    return new RolloutStep(
        next, RolloutStep.Outcome.REFUSED, candidate.code(), promotion.reason(), !known);
  }

  /** A pinned model is served as given: no gates, no improvement needed. */
  private static RolloutStep pin(RolloutState state, Slot model, Instant now) {
    Slot primary = state.slots().primary();
    if (primary != null && primary.uri().equals(model.uri())) {
      return same(
          state,
          RolloutStep.Outcome.STEADY,
          primary.code(),
          primary.code() + " is pinned and served");
    }
    return promote(state, model, model.code() + " is pinned", now);
  }

  static RolloutStep promote(RolloutState state, Slot candidate, String reason, Instant now) {
    List<RolloutRecord> history =
        prepend(
            state.history(),
            new RolloutRecord(RolloutRecord.PROMOTED, candidate.code(), reason, now));
    RolloutState next =
        new RolloutState(
            state.slots().promote(candidate, now),
            true,
            state.failedModels(),
            state.rolledBack(),
            history);
    return new RolloutStep(next, RolloutStep.Outcome.PROMOTED, candidate.code(), reason, true);
  }

  static RolloutStep same(
      RolloutState state, RolloutStep.Outcome outcome, String code, String reason) {
    return new RolloutStep(state, outcome, code, reason, false);
  }

  /** Newest first, at most {@link RolloutState#MAX_ENTRIES}. */
  static <T> List<T> prepend(List<T> list, T item) {
    List<T> result = new ArrayList<>(RolloutState.MAX_ENTRIES);
    result.add(item);
    list.stream()
        .filter(existing -> !existing.equals(item))
        .limit(RolloutState.MAX_ENTRIES - 1L)
        .forEach(result::add);
    return result;
  }
}
