package dev.paddock.trainer.data;

import java.util.List;

/**
 * One source column as it appears in the input vector.
 *
 * @param name the column name
 * @param kind {@code numeric}, {@code onehot} or {@code index}
 * @param vocab the categories, for {@code onehot} and {@code index}
 * @param offset the first position in the input vector
 * @param width how many positions it takes (the vocabulary size for one-hot, else 1)
 */
public record FeatureColumn(String name, String kind, List<String> vocab, int offset, int width) {

  public static final String NUMERIC = "numeric";
  public static final String ONEHOT = "onehot";
  public static final String INDEX = "index";

  public FeatureColumn {
    vocab = vocab == null ? List.of() : List.copyOf(vocab);
  }
}
