package dev.paddock.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.paddock.trainer.data.Dataset;
import dev.paddock.trainer.metrics.Predictions;

/** Runs the model in inference mode over a set of rows and gathers outputs on the host. */
final class Evaluator {

  private final Dataset data;
  private final Block block;
  private final BatchFiller filler;
  private final int batch;

  Evaluator(Dataset data, Block block, BatchFiller filler, int batch) {
    this.data = data;
    this.block = block;
    this.filler = filler;
    this.batch = batch;
  }

  Predictions predict(int[] rows, NDManager manager) {
    int width = data.label().outputs();
    float[] out = new float[rows.length * width];
    ParameterStore ps = new ParameterStore(manager, false);
    for (int from = 0; from < rows.length; from += batch) {
      int to = Math.min(rows.length, from + batch);
      try (NDManager m = manager.newSubManager()) {
        NDArray x = filler.inputs(rows, from, to, m);
        NDArray y = block.forward(ps, new NDList(x), false).singletonOrThrow();
        float[] part = y.toFloatArray();
        System.arraycopy(part, 0, out, from * width, part.length);
      }
    }
    float[] y = new float[rows.length];
    float[] w = data.weights() == null ? null : new float[rows.length];
    for (int i = 0; i < rows.length; i++) {
      y[i] = data.y()[rows[i]];
      if (w != null) {
        w[i] = data.weights()[rows[i]];
      }
    }
    return new Predictions(out, width, y, w);
  }
}
