package dev.paddock.trainer.data;

import java.nio.FloatBuffer;

/** A {@link FloatMatrix} in one float array. */
public final class HeapMatrix implements FloatMatrix {

  private final int rows;
  private final int cols;
  private final float[] data;

  public HeapMatrix(int rows, int cols) {
    this.rows = rows;
    this.cols = cols;
    this.data = new float[Math.multiplyExact(rows, cols)];
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public int cols() {
    return cols;
  }

  @Override
  public void setRow(int row, float[] values) {
    System.arraycopy(values, 0, data, row * cols, cols);
  }

  @Override
  public void getRow(int row, float[] dst) {
    System.arraycopy(data, row * cols, dst, 0, cols);
  }

  @Override
  public void copyRow(int row, FloatBuffer dst) {
    dst.put(data, row * cols, cols);
  }

  @Override
  public void close() {}
}
