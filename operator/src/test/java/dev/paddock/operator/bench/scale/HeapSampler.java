package dev.paddock.operator.bench.scale;

import dev.paddock.operator.bench.chaos.ChaosOperator;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The operator's heap in use ({@code jvm_memory_used_bytes{area="heap"}} from its own /metrics),
 * sampled every second: the largest sample (garbage included, so an upper bound of what it needs),
 * and on demand the heap right after a full GC ({@code jcmd GC.run}).
 */
final class HeapSampler implements AutoCloseable {

  private final ChaosOperator operator;
  private final Thread thread;
  private volatile long max;
  private volatile boolean stop;

  HeapSampler(ChaosOperator operator) {
    this.operator = operator;
    this.thread = new Thread(this::loop, "heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (!stop) {
      try {
        max = Math.max(max, heap(operator));
      } catch (IOException | RuntimeException e) {
        // a sample missed (the operator busy); the next one counts
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  long max() {
    return max;
  }

  static long heap(ChaosOperator operator) throws IOException {
    return (long)
        operator
            .metrics()
            .lines()
            .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
            .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
            .sum();
  }

  /** Heap in use right after a full GC. */
  static long afterGc(ChaosOperator operator) {
    try {
      Process gc =
          new ProcessBuilder("jcmd", String.valueOf(operator.pid()), "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
        return -1;
      }
      return heap(operator);
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  @Override
  public void close() {
    stop = true;
    thread.interrupt();
  }
}
