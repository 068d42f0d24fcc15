package dev.paddock.trainer.data;

import dev.paddock.trainer.util.TrainerException;
import java.util.ArrayList;
import java.util.List;

/**
 * The first pass over a table: column profiles, row count and (when a time column is named) each
 * row's time in epoch days.
 */
public final class TableProfile {

  private final List<String> header;
  private final List<ColumnProfile> columns;
  private final long rows;
  private final double[] times;

  private TableProfile(List<String> header, List<ColumnProfile> columns, long rows, double[] t) {
    this.header = header;
    this.columns = columns;
    this.rows = rows;
    this.times = t;
  }

  /** Streams the source once. {@code timeColumn} may be null. */
  public static TableProfile scan(RowSource source, String timeColumn) {
    List<String> header = source.header();
    List<ColumnProfile> cols = new ArrayList<>();
    for (String h : header) {
      cols.add(new ColumnProfile(h));
    }
    int timeIdx = timeColumn == null ? -1 : indexOf(header, timeColumn, source, "time column");
    long[] count = {0};
    DoubleList times = new DoubleList();
    source.scan(
        (index, row) -> {
          for (int c = 0; c < cols.size(); c++) {
            cols.get(c).accept(index, row.get(c));
          }
          if (timeIdx >= 0) {
            times.add(TimeParser.epochDays(row.get(timeIdx), timeColumn, index));
          }
          count[0]++;
        });
    if (count[0] == 0) {
      throw TrainerException.user(source.describe() + ": no data rows (empty file)");
    }
    return new TableProfile(header, cols, count[0], timeIdx >= 0 ? times.toArray() : null);
  }

  static int indexOf(List<String> header, String name, RowSource source, String what) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw TrainerException.user(
          what
              + " '"
              + name
              + "' not found in "
              + source.describe()
              + " (columns: "
              + header
              + ")");
    }
    return i;
  }

  public List<String> header() {
    return header;
  }

  public ColumnProfile column(int i) {
    return columns.get(i);
  }

  public long rows() {
    return rows;
  }

  /** Each row's time in epoch days, or null without a time column. */
  public double[] times() {
    return times;
  }

  /** A growable primitive list. */
  static final class DoubleList {
    private double[] a = new double[1024];
    private int n;

    void add(double d) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, a.length * 2);
      }
      a[n++] = d;
    }

    double[] toArray() {
      return java.util.Arrays.copyOf(a, n);
    }
  }
}
