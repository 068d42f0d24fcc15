package dev.paddock.trainer.train;

import dev.paddock.contract.store.ArtifactLayout;
import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.trainer.model.TrainedModel;
import dev.paddock.trainer.util.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a trial's artifacts: {@code model/}, {@code metadata.json}, {@code hyperparams.json},
 * {@code epoch_metrics.csv} and, for classifiers, {@code probability_stats.csv}.
 */
public final class ArtifactWriter {

  private final ArtifactStore store;

  public ArtifactWriter(ArtifactStore store) {
    this.store = store;
  }

  public void writeAll(
      TrainedModel model,
      History history,
      Map<String, String> hyperparams,
      Map<String, Object> metadata) {
    model.save(store, ArtifactLayout.MODEL);
    store.put(ArtifactLayout.HYPERPARAMS, Json.writePretty(hyperparams));
    writeHistory(history);
    store.put(ArtifactLayout.METADATA, Json.writePretty(metadata));
  }

  /** The CSVs only (also written with each checkpoint, so a killed run leaves its curve). */
  public void writeHistory(History history) {
    store.put(ArtifactLayout.EPOCH_METRICS, csv(new ArrayList<>(history.epochs())));
    if (!history.probabilityStats().isEmpty()) {
      store.put(ArtifactLayout.PROBABILITY_STATS, csv(new ArrayList<>(history.probabilityStats())));
    }
  }

  static byte[] csv(List<? extends Map<String, ?>> rows) {
    if (rows.isEmpty()) {
      return new byte[0];
    }
    List<String> columns = new ArrayList<>(rows.get(0).keySet());
    StringWriter out = new StringWriter();
    try (CSVPrinter p =
        new CSVPrinter(
            out,
            CSVFormat.DEFAULT
                .builder()
                .setHeader(columns.toArray(String[]::new))
                .setRecordSeparator('\n')
                .get())) {
      for (Map<String, ?> row : rows) {
        List<Object> values = new ArrayList<>();
        for (String c : columns) {
          Object v = row.get(c);
          values.add(
              v instanceof Double d && d == Math.rint(d) && c.equals("epoch") ? d.intValue() : v);
        }
        p.printRecord(values);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
