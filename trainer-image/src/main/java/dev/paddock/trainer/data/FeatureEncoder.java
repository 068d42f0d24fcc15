package dev.paddock.trainer.data;

import dev.paddock.trainer.util.TrainerException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Encodes one row's raw cells into the (unstandardized) input vector. */
public final class FeatureEncoder {

  /** Looks up the raw value of a feature column in a row; null when absent. */
  @FunctionalInterface
  public interface Lookup {
    String value(int featureIndex, FeatureColumn column);
  }

  private final List<FeatureColumn> columns;
  private final List<Map<String, Integer>> vocabIndex;

  public FeatureEncoder(FeatureSpec spec) {
    this.columns = spec.columns();
    this.vocabIndex =
        columns.stream()
            .map(
                c -> {
                  Map<String, Integer> m = new HashMap<>();
                  for (int i = 0; i < c.vocab().size(); i++) {
                    m.put(c.vocab().get(i), i);
                  }
                  return m;
                })
            .toList();
  }

  /**
   * Writes the row's encoding into {@code out}. {@code where} names the row in errors, e.g. "row
   * 12" or "instance 3".
   */
  public void encode(Lookup lookup, float[] out, String where) {
    for (int f = 0; f < columns.size(); f++) {
      FeatureColumn c = columns.get(f);
      String raw = lookup.value(f, c);
      switch (c.kind()) {
        case FeatureColumn.NUMERIC -> out[c.offset()] = number(c, raw, where);
        case FeatureColumn.INDEX ->
            out[c.offset()] = vocabIndex.get(f).getOrDefault(raw, c.vocab().size());
        default -> {
          for (int k = 0; k < c.width(); k++) {
            out[c.offset() + k] = 0f;
          }
          Integer k = raw == null ? null : vocabIndex.get(f).get(raw);
          if (k != null) {
            out[c.offset() + k] = 1f;
          }
        }
      }
    }
  }

  private static float number(FeatureColumn c, String raw, String where) {
    switch (Numbers.classify(raw)) {
      case NUMBER:
        return (float) Numbers.parse(raw);
      case EMPTY:
        throw TrainerException.user("column '" + c.name() + "' " + where + ": missing value");
      case NON_FINITE:
        throw TrainerException.user(
            "column '" + c.name() + "' " + where + ": non-finite value '" + raw + "'");
      default:
        throw TrainerException.user(
            "column '"
                + c.name()
                + "' "
                + where
                + ": '"
                + raw
                + "' is not a number (declare it with --categorical "
                + c.name()
                + ")");
    }
  }
}
