package dev.paddock.operator.local;

import dev.paddock.contract.metrics.EpochMetrics;

/** Where a collector hands each epoch it read. */
@FunctionalInterface
interface EpochSink {
  void accept(EpochMetrics epoch);
}
