package dev.paddock.operator.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The runner's loop waits on signals, not on a poll interval. */
class RunSignalsTest {

  @TempDir Path dir;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // a safety net against a hang, not a measurement
  void aTrainerThatExitsWakesTheWaitingLoop() throws InterruptedException {
    RunSignals signals = new RunSignals();
    TrialProcess process =
        TrialProcess.start(List.of("sh", "-c", "exit 3"), Map.of(), dir, dir.resolve("log"));

    signals.watch(process);

    assertThat(signals.await()).containsExactly("trial-exited");
    assertThat(process.isAlive()).isFalse();
    assertThat(process.exitCode()).isEqualTo(3);
  }

  @Test
  void aProcessThatExitedBeforeItWasWatchedStillWakesTheLoop() throws InterruptedException {
    RunSignals signals = new RunSignals();
    TrialProcess process =
        TrialProcess.start(List.of("sh", "-c", "exit 0"), Map.of(), dir, dir.resolve("log"));
    while (process.isAlive()) {
      Thread.onSpinWait();
    }

    signals.watch(process);

    assertThat(signals.await()).containsExactly("trial-exited");
  }

  @Test
  void signalsThatArrivedWhileTheLoopWorkedAreTakenInOneWakeUp() throws InterruptedException {
    RunSignals signals = new RunSignals();
    signals.signal("epoch-reported");
    signals.signal("trial-exited");

    assertThat(signals.await()).containsExactly("epoch-reported", "trial-exited");
  }
}
