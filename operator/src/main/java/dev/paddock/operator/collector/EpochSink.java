package dev.paddock.operator.collector;

import dev.paddock.contract.metrics.EpochMetrics;

/** Where a collector hands each epoch it read. */
@FunctionalInterface
public interface EpochSink {
  void accept(EpochMetrics epoch);
}
