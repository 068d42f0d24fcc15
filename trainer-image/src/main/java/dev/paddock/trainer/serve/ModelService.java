package dev.paddock.trainer.serve;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.paddock.contract.store.ArtifactLayout;
import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.trainer.data.FeatureColumn;
import dev.paddock.trainer.data.FeatureEncoder;
import dev.paddock.trainer.data.LabelSpec;
import dev.paddock.trainer.metrics.MetricsCalculator;
import dev.paddock.trainer.metrics.Predictions;
import dev.paddock.trainer.model.ModelCard;
import dev.paddock.trainer.model.TrainedModel;
import dev.paddock.trainer.util.TrainerException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A loaded model that turns JSON rows into predictions. */
public final class ModelService implements AutoCloseable {

  /** Most rows in one request. */
  public static final int MAX_ROWS = 10_000;

  private final NDManager manager;
  private final TrainedModel model;
  private final FeatureEncoder encoder;

  public ModelService(TrainedModel model, NDManager manager) {
    this.model = model;
    this.manager = manager;
    this.encoder = new FeatureEncoder(model.card().features());
  }

  /**
   * Loads from a store: its {@code model/} directory (a trial or archive prefix) or its root (the
   * model directory itself).
   */
  public static ModelService load(ArtifactStore store, NDManager manager) {
    String dir =
        store.get(ArtifactLayout.MODEL + ModelCard.CARD_FILE).isPresent()
            ? ArtifactLayout.MODEL
            : "";
    return new ModelService(TrainedModel.load(store, dir, manager), manager);
  }

  public ModelCard card() {
    return model.card();
  }

  /** A row of typical values (training means, first categories), for the readiness check. */
  public Map<String, Object> exampleRow() {
    Map<String, Object> row = new java.util.LinkedHashMap<>();
    var spec = model.card().features();
    for (FeatureColumn c : spec.columns()) {
      row.put(
          c.name(),
          FeatureColumn.NUMERIC.equals(c.kind())
              ? (Object) spec.mean()[c.offset()]
              : c.vocab().get(0));
    }
    return row;
  }

  public Prediction predict(List<Map<String, Object>> rows) {
    if (rows.isEmpty() || rows.size() > MAX_ROWS) {
      throw TrainerException.user("send between 1 and " + MAX_ROWS + " rows");
    }
    var spec = model.card().features();
    int width = spec.width();
    float[] x = new float[rows.size() * width];
    float[] one = new float[width];
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      encoder.encode((f, c) -> text(row.get(c.name())), one, "row " + (i + 1));
      spec.standardize(one);
      System.arraycopy(one, 0, x, i * width, width);
    }
    float[] out;
    // autograd mode is per thread in libtorch and on by default: HTTP worker threads turn it off
    ai.djl.pytorch.jni.JniUtils.setGradMode(false);
    try (NDManager m = manager.newSubManager()) {
      NDArray input = m.create(x, new Shape(rows.size(), width));
      NDArray y =
          model
              .block()
              .forward(new ParameterStore(m, false), new NDList(input), false)
              .singletonOrThrow();
      out = y.toFloatArray();
    }
    return answer(out, rows.size());
  }

  private Prediction answer(float[] out, int n) {
    LabelSpec label = model.card().label();
    List<Object> predictions = new ArrayList<>();
    if (!label.classification()) {
      for (int i = 0; i < n; i++) {
        predictions.add(out[i] * label.std() + label.mean());
      }
      return new Prediction(predictions, null, null);
    }
    int k = label.classes().size();
    double[] prob =
        MetricsCalculator.probabilities(
            new Predictions(out, label.outputs(), new float[n], null), label.task());
    List<double[]> probs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] p = Arrays.copyOfRange(prob, i * k, (i + 1) * k);
      int best = 0;
      for (int c = 1; c < k; c++) {
        best = p[c] > p[best] ? c : best;
      }
      predictions.add(label.classes().get(best));
      probs.add(p);
    }
    return new Prediction(predictions, probs, label.classes());
  }

  private static String text(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Number num) {
      return Double.toString(num.doubleValue());
    }
    return v.toString();
  }

  @Override
  public void close() {
    manager.close();
  }
}
