package dev.paddock.trainer.train;

import ai.djl.ndarray.NDManager;
import dev.paddock.trainer.cli.EngineSetup;
import dev.paddock.trainer.config.Hyperparams;
import dev.paddock.trainer.data.DataOptions;
import dev.paddock.trainer.data.Dataset;
import dev.paddock.trainer.data.DatasetBuilder;
import dev.paddock.trainer.data.SyntheticSource;
import java.util.List;
import java.util.Map;

/**
 * Training throughput of the trainer's own loop (batch filling, forward, loss, backward, Adam) on
 * CPU, for {@code bench/trainer}. Prints one line per configuration: {@code djl <hidden> <batch>
 * <samples per wall second> <samples per CPU second>}.
 *
 * <p>Usage: {@code ThroughputBench <threads> <rows> <epochs> <hidden;hidden...> <batch,batch...>}
 */
public final class ThroughputBench {

  private ThroughputBench() {}

  public static void main(String[] args) {
    int threads = Integer.parseInt(args[0]);
    EngineSetup.offlineDefaults();
    EngineSetup.threads(threads);
    int rows = Integer.parseInt(args[1]);
    int epochs = Integer.parseInt(args[2]);
    for (String hidden : args[3].split(";")) {
      for (String batch : args[4].split(",")) {
        double[] sps = measure(rows, epochs, hidden, Integer.parseInt(batch));
        System.out.printf("djl %s %s %.0f %.0f%n", hidden, batch, sps[0], sps[1]);
      }
    }
  }

  /** Process CPU time in seconds (all threads: libtorch's, the JIT's, the GC's). */
  static double cpuSeconds() {
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os.getProcessCpuTime() / 1e9;
  }

  /** Samples per wall-clock second and per CPU second. */
  static double[] measure(int rows, int epochs, String hidden, int batch) {
    String uri = "synthetic:linear?rows=" + rows + "&dims=6&seed=1";
    Hyperparams hp =
        Hyperparams.resolve(
            Map.of(
                "hidden",
                hidden,
                "batch_size",
                Integer.toString(batch),
                "epochs",
                Integer.toString(epochs + 1),
                "val_fraction",
                "0.01"));
    DataOptions data =
        new DataOptions(
            uri, "label", List.of(), List.of(), "onehot", "binary", "random", null, List.of(), 1024,
            64, null);
    try (NDManager manager = NDManager.newBaseManager(Hardware.pickDevice());
        Dataset d = new DatasetBuilder(data, hp).build(new SyntheticSource(uri))) {
      TrainSession session = new TrainSession(hp, d, manager);
      session.trainOnly(1); // warm-up
      long samples = 0;
      double seconds = 0;
      double cpu0 = cpuSeconds();
      for (int e = 2; e <= epochs + 1; e++) {
        EpochTrainer.Result r = session.trainOnly(e);
        samples += r.samples();
        seconds += r.seconds();
      }
      return new double[] {samples / seconds, samples / (cpuSeconds() - cpu0)};
    }
  }
}
