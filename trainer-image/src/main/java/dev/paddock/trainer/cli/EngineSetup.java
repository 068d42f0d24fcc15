package dev.paddock.trainer.cli;

/**
 * DJL settings that must be in place before the engine loads: offline mode (natives come from the
 * pytorch-native jar on the classpath, never downloaded) and thread counts.
 */
public final class EngineSetup {

  private EngineSetup() {}

  /** Offline unless the user explicitly set otherwise. */
  public static void offlineDefaults() {
    if (System.getProperty("ai.djl.offline") == null) {
      String env = System.getenv("DJL_OFFLINE");
      System.setProperty("ai.djl.offline", env == null ? "true" : env);
    }
    if (System.getProperty("ai.djl.pytorch.graph_optimizer") == null) {
      System.setProperty("ai.djl.pytorch.graph_optimizer", "false");
    }
  }

  /** Sets libtorch's intra-op threads (0 keeps the engine's default: one per core). */
  public static void threads(int threads) {
    int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
  }
}
