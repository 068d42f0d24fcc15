package dev.paddock.operator.k8s.epochreport;

/**
 * When a trial's reported progress is written to its status: at most {@link #MAX_WRITES} times over
 * its epochs (evenly spread), plus the write of a stop decision. Reports come every epoch; writes
 * must not, or a 1,000-epoch trial would make 1,000 API writes.
 */
final class ProgressWrites {

  static final int MAX_WRITES = 10;

  private ProgressWrites() {}

  /** True when reaching {@code epoch} crosses into a new tenth of the trial's epochs. */
  static boolean due(int lastWrittenEpoch, int epoch, int epochs) {
    if (epochs <= 0 || epoch <= lastWrittenEpoch) {
      return false;
    }
    return bucket(epoch, epochs) > bucket(lastWrittenEpoch, epochs) || epoch >= epochs;
  }

  private static int bucket(int epoch, int epochs) {
    return (int) ((long) epoch * MAX_WRITES / epochs);
  }
}
