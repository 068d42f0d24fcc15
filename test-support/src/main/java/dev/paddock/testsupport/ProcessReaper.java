package dev.paddock.testsupport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the component processes a test JVM started die with it, even when a test run is
 * aborted: each is terminated in a shutdown hook if still alive.
 */
public final class ProcessReaper {

  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> LIVE.forEach(ProcessReaper::terminate), "paddock-reaper"));
  }

  private ProcessReaper() {}

  public static void register(Process process) {
    LIVE.add(process);
  }

  /** No longer to be terminated at exit (its owner has ended it). */
  public static void forget(Process process) {
    LIVE.remove(process);
  }

  /** SIGTERM, a grace period, then SIGKILL; children go first so none is orphaned. */
  public static void terminate(Process process) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    LIVE.remove(process);
  }
}
