package dev.paddock.trainer.data;

import dev.paddock.trainer.util.TrainerException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A {@link FloatMatrix} in a memory-mapped scratch file: the data lives in the page cache, not on
 * the heap, so a dataset larger than the heap still trains. The file is deleted on close.
 */
public final class MappedMatrix implements FloatMatrix {

  private static final long SEGMENT_BYTES = 1L << 30;

  private final int rows;
  private final int cols;
  private final int rowsPerSegment;
  private final FloatBuffer[] segments;
  private final Path file;

  private MappedMatrix(int rows, int cols, FloatBuffer[] segments, int rowsPerSegment, Path f) {
    this.rows = rows;
    this.cols = cols;
    this.segments = segments;
    this.rowsPerSegment = rowsPerSegment;
    this.file = f;
  }

  static MappedMatrix create(int rows, int cols, Path dir) {
    try {
      Files.createDirectories(dir);
      Path file = Files.createTempFile(dir, "features-", ".f32");
      int rowsPerSegment = (int) Math.max(1, SEGMENT_BYTES / ((long) cols * Float.BYTES));
      int n = (rows + rowsPerSegment - 1) / rowsPerSegment;
      FloatBuffer[] segs = new FloatBuffer[Math.max(1, n)];
      try (FileChannel ch =
          FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        for (int s = 0; s < segs.length; s++) {
          long first = (long) s * rowsPerSegment;
          long count = Math.min(rowsPerSegment, rows - first);
          long pos = first * cols * Float.BYTES;
          MappedByteBuffer mb =
              ch.map(FileChannel.MapMode.READ_WRITE, pos, Math.max(4, count * cols * Float.BYTES));
          segs[s] = mb.order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
      }
      return new MappedMatrix(rows, cols, segs, rowsPerSegment, file);
    } catch (IOException e) {
      throw TrainerException.retryable("cannot create scratch file in " + dir + ": " + e, e);
    }
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
    segments[row / rowsPerSegment].put((row % rowsPerSegment) * cols, values, 0, cols);
  }

  @Override
  public void getRow(int row, float[] dst) {
    segments[row / rowsPerSegment].get((row % rowsPerSegment) * cols, dst, 0, cols);
  }

  @Override
  public void copyRow(int row, FloatBuffer dst) {
    FloatBuffer seg = segments[row / rowsPerSegment];
    dst.put(seg.slice((row % rowsPerSegment) * cols, cols));
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // scratch file: best effort
    }
  }
}
