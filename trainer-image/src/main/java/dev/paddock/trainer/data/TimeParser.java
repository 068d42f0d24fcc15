package dev.paddock.trainer.data;

import dev.paddock.trainer.util.TrainerException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads a time cell as fractional days since 1970-01-01 (UTC). Accepts {@code 2020-03-01}, {@code
 * 2020-03-01T12:00:00}, ISO offsets and instants, {@code 2020-03}, a year {@code 2020}, and epoch
 * seconds or milliseconds.
 */
public final class TimeParser {

  private static final double SECONDS_PER_DAY = 86400.0;

  private TimeParser() {}

  /** Parses a cell; {@code column} and {@code row} name it in the error. */
  public static double epochDays(String s, String column, long row) {
    try {
      return parse(s.trim());
    } catch (RuntimeException e) {
      throw TrainerException.user(
          "column '" + column + "' row " + (row + 1) + ": '" + s + "' is not a date or time");
    }
  }

  static double parse(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty");
    }
    if (s.matches("\\d{4}")) {
      return LocalDate.of(Integer.parseInt(s), 1, 1).toEpochDay();
    }
    if (s.matches("\\d{4}-\\d{2}")) {
      return LocalDate.parse(s + "-01").toEpochDay();
    }
    if (s.length() == 10 && s.charAt(4) == '-') {
      return LocalDate.parse(s).toEpochDay();
    }
    if (s.matches("-?\\d+(\\.\\d+)?")) {
      double v = Double.parseDouble(s);
      double seconds = Math.abs(v) >= 1e11 ? v / 1000.0 : v;
      return seconds / SECONDS_PER_DAY;
    }
    return parseDateTime(s.replace(' ', 'T'));
  }

  private static double parseDateTime(String s) {
    Instant instant;
    try {
      instant = OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        instant = Instant.parse(s);
      } catch (DateTimeParseException e2) {
        instant = LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      }
    }
    return instant.getEpochSecond() / SECONDS_PER_DAY + instant.getNano() / 1e9 / SECONDS_PER_DAY;
  }
}
