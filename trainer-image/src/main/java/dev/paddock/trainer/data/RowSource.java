package dev.paddock.trainer.data;

import java.util.List;

/**
 * A table that can be streamed from start to end, as many times as needed. Rows are visited one at
 * a time, so a source larger than the heap can be read.
 */
public interface RowSource {

  /** Column names, in order. */
  List<String> header();

  /** Streams every data row in order; {@code index} counts data rows from 0. */
  void scan(RowVisitor visitor);

  /** A short description for messages (the URI). */
  String describe();

  /** Receives rows from {@link #scan}. */
  @FunctionalInterface
  interface RowVisitor {
    void visit(long index, RowView row);
  }
}
