package dev.paddock.trainer.data;

import dev.paddock.trainer.util.TrainerException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A named period held out of training and reported as its own backtest: a year ({@code 2015}), a
 * month ({@code 2020-03}) or an explicit range ({@code 2023-01-01..2023-06-30}, both ends
 * included). Bounds are epoch days, start inclusive, end exclusive.
 */
public record HoldoutPeriod(String name, double startDay, double endDay) {

  /** Parses one period spec. */
  public static HoldoutPeriod parse(String spec) {
    String s = spec.trim();
    try {
      if (s.matches("\\d{4}")) {
        int y = Integer.parseInt(s);
        return new HoldoutPeriod(
            s, LocalDate.of(y, 1, 1).toEpochDay(), LocalDate.of(y + 1, 1, 1).toEpochDay());
      }
      if (s.matches("\\d{4}-\\d{2}")) {
        YearMonth ym = YearMonth.parse(s);
        return new HoldoutPeriod(
            s.replace('-', '_'), ym.atDay(1).toEpochDay(), ym.plusMonths(1).atDay(1).toEpochDay());
      }
      if (s.contains("..")) {
        String[] p = s.split("\\.\\.", 2);
        LocalDate a = LocalDate.parse(p[0].trim());
        LocalDate b = LocalDate.parse(p[1].trim());
        if (b.isBefore(a)) {
          throw new IllegalArgumentException("end before start");
        }
        return new HoldoutPeriod(
            s.replace("..", "_to_").replace('-', '_'), a.toEpochDay(), b.plusDays(1).toEpochDay());
      }
    } catch (RuntimeException e) {
      // fall through to the error below
    }
    throw TrainerException.user(
        "holdout '"
            + spec
            + "' is not a year (2015), month (2020-03) or range (2023-01-01..2023-06-30)");
  }

  /** True when a time (epoch days) falls inside the period. */
  public boolean contains(double day) {
    return day >= startDay && day < endDay;
  }
}
