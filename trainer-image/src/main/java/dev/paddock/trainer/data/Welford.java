package dev.paddock.trainer.data;

/** Running mean and variance per column (Welford's algorithm), numerically stable in one pass. */
final class Welford {

  private final double[] mean;
  private final double[] m2;
  private long n;

  Welford(int width) {
    mean = new double[width];
    m2 = new double[width];
  }

  void add(float[] row) {
    n++;
    for (int j = 0; j < mean.length; j++) {
      double d = row[j] - mean[j];
      mean[j] += d / n;
      m2[j] += d * (row[j] - mean[j]);
    }
  }

  long count() {
    return n;
  }

  double mean(int j) {
    return mean[j];
  }

  /** Population standard deviation. */
  double std(int j) {
    return n > 0 ? Math.sqrt(m2[j] / n) : 0;
  }
}
