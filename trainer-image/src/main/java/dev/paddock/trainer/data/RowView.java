package dev.paddock.trainer.data;

/** One row of a table, read column by column without copying. */
public interface RowView {

  /** The raw text of column {@code col}. */
  String get(int col);

  /** The number of fields in this row. */
  int size();
}
