package dev.paddock.trainer.data;

import java.nio.FloatBuffer;

/** A dense row-major float matrix, on the heap or in a memory-mapped file. */
public interface FloatMatrix extends AutoCloseable {

  int rows();

  int cols();

  /** Writes row {@code row} from {@code values}. */
  void setRow(int row, float[] values);

  /** Reads row {@code row} into {@code dst}. */
  void getRow(int row, float[] dst);

  /** Appends row {@code row} to {@code dst} at its position. */
  void copyRow(int row, FloatBuffer dst);

  @Override
  void close();

  /** A heap matrix when it fits within {@code maxHeapBytes}, else a mapped file in {@code dir}. */
  static FloatMatrix allocate(int rows, int cols, long maxHeapBytes, java.nio.file.Path dir) {
    long bytes = (long) rows * cols * Float.BYTES;
    if (bytes <= maxHeapBytes && (long) rows * cols < Integer.MAX_VALUE - 8) {
      return new HeapMatrix(rows, cols);
    }
    return MappedMatrix.create(rows, cols, dir);
  }
}
