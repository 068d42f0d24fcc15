package dev.paddock.operator.rollout;

import dev.paddock.operator.search.Direction;
import java.util.Locale;

/** Whether a candidate model replaces the primary, with the reason either way. */
public record Promotion(boolean promote, String reason) {

  /** Checks the candidate against the gates and the current primary. */
  public static Promotion decide(Slots slots, Slot candidate, Gates gates, Direction direction) {
    Slot primary = slots.primary();
    if (primary != null && primary.code().equals(candidate.code())) {
      return new Promotion(false, candidate.code() + " is already the primary");
    }
    if (gates.minGrade() != null && !candidate.grade().atLeast(gates.minGrade())) {
      return refuse(
          "%s is graded %s, below the minimum %s",
          candidate.code(), candidate.grade(), gates.minGrade());
    }
    if (gates.minObjective() != null
        && direction.isBetter(gates.minObjective(), candidate.objective())) {
      return refuse(
          "%s has objective %s, short of the minimum %s",
          candidate.code(), num(candidate.objective()), num(gates.minObjective()));
    }
    if (primary != null) {
      double improvement =
          direction == Direction.MAXIMIZE
              ? candidate.objective() - primary.objective()
              : primary.objective() - candidate.objective();
      double needed = gates.minImprovement() == null ? 0 : gates.minImprovement();
      if (improvement <= 0 || improvement < needed) {
        return refuse(
            "%s (%s) does not improve on the primary %s (%s) by at least %s",
            candidate.code(),
            num(candidate.objective()),
            primary.code(),
            num(primary.objective()),
            num(needed));
      }
    }
    return new Promotion(
        true,
        primary == null
            ? candidate.code() + " is the first model to pass the gates"
            : String.format(
                Locale.ROOT,
                "%s improves on %s by %s",
                candidate.code(),
                primary.code(),
                num(Math.abs(candidate.objective() - primary.objective()))));
  }

  private static Promotion refuse(String format, Object... args) {
    return new Promotion(false, String.format(Locale.ROOT, format, args));
  }

  private static String num(double value) {
    return String.format(Locale.ROOT, "%.4g", value);
  }
}
