package dev.paddock.trainer.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per-epoch metric rows and per-epoch probability statistics, in epoch order. */
public final class History {

  private final List<Map<String, Double>> epochs = new ArrayList<>();
  private final List<Map<String, Object>> probabilityStats = new ArrayList<>();

  public void add(Map<String, Double> row, List<Map<String, Object>> stats) {
    epochs.add(new LinkedHashMap<>(row));
    probabilityStats.addAll(stats);
  }

  public List<Map<String, Double>> epochs() {
    return epochs;
  }

  public List<Map<String, Object>> probabilityStats() {
    return probabilityStats;
  }

  public Map<String, Double> last() {
    return epochs.isEmpty() ? Map.of() : epochs.get(epochs.size() - 1);
  }

  /** Restores rows saved in a checkpoint. */
  public void restore(List<Map<String, Double>> rows, List<Map<String, Object>> stats) {
    epochs.clear();
    probabilityStats.clear();
    rows.forEach(r -> epochs.add(new LinkedHashMap<>(r)));
    probabilityStats.addAll(stats);
  }
}
