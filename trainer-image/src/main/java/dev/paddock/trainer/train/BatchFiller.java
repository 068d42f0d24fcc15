package dev.paddock.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.paddock.trainer.data.Dataset;
import dev.paddock.trainer.data.LabelSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Builds batches without per-step allocation on the Java side: rows are copied into reusable direct
 * buffers, which libtorch wraps without a copy on the CPU. A batch's arrays must be closed before
 * the next batch is filled.
 */
final class BatchFiller {

  private final Dataset data;
  private final int inputs;
  private final int targetWidth;
  private final boolean multiclass;
  private final ByteBuffer xBytes;
  private final ByteBuffer yBytes;
  private final ByteBuffer wBytes;
  private float weightSum;

  BatchFiller(Dataset data, int maxBatch) {
    this.data = data;
    this.inputs = data.features().width();
    this.multiclass = LabelSpec.MULTICLASS.equals(data.label().task());
    this.targetWidth = multiclass ? data.label().classes().size() : 1;
    this.xBytes = direct((long) maxBatch * inputs);
    this.yBytes = direct((long) maxBatch * targetWidth);
    this.wBytes = data.weights() == null ? null : direct(maxBatch);
  }

  private static ByteBuffer direct(long floats) {
    return ByteBuffer.allocateDirect(Math.toIntExact(floats * Float.BYTES))
        .order(ByteOrder.nativeOrder());
  }

  /** The sum of the weights of the last filled batch. */
  float weightSum() {
    return weightSum;
  }

  /** Fills rows {@code order[from..to)} and returns (x, y) or (x, y, w) attached to {@code m}. */
  NDList fill(int[] order, int from, int to, NDManager m) {
    int b = to - from;
    FloatBuffer x = reset(xBytes, (long) b * inputs);
    FloatBuffer y = reset(yBytes, (long) b * targetWidth);
    FloatBuffer w = wBytes == null ? null : reset(wBytes, b);
    float[] labels = data.y();
    weightSum = 0;
    for (int k = from; k < to; k++) {
      int row = order[k];
      data.x().copyRow(row, x);
      if (multiclass) {
        for (int c = 0; c < targetWidth; c++) {
          y.put(c == (int) labels[row] ? 1f : 0f);
        }
      } else {
        y.put(labels[row]);
      }
      if (w != null) {
        w.put(data.weights()[row]);
        weightSum += data.weights()[row];
      }
    }
    NDArray xa = m.create(xBytes, new Shape(b, inputs), DataType.FLOAT32);
    NDArray ya = m.create(yBytes, new Shape(b, targetWidth), DataType.FLOAT32);
    if (w == null) {
      return new NDList(xa, ya);
    }
    return new NDList(xa, ya, m.create(wBytes, new Shape(b, 1), DataType.FLOAT32));
  }

  /** Fills only the inputs of rows {@code rows[from..to)}. */
  NDArray inputs(int[] rows, int from, int to, NDManager m) {
    int b = to - from;
    FloatBuffer x = reset(xBytes, (long) b * inputs);
    for (int k = from; k < to; k++) {
      data.x().copyRow(rows[k], x);
    }
    return m.create(xBytes, new Shape(b, inputs), DataType.FLOAT32);
  }

  private static FloatBuffer reset(ByteBuffer bytes, long floats) {
    bytes.clear();
    bytes.limit(Math.toIntExact(floats * Float.BYTES));
    return bytes.asFloatBuffer();
  }
}
