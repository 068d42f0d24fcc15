package dev.paddock.operator.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The chaos suite's small version (bench/chaos/run.sh is the full one): a study of 8 trials, 4 in
 * parallel, on its own API server, etcd, controllers, kwok GPU nodes and MinIO, with the operator
 * as a process of its own (operator/bin/paddock, so the jars must be packaged: the test command's
 * {@code verify} does it before the integration tests). Run once uninterrupted, then with the
 * operator SIGKILLed twice as batches of creations start, then with kube-apiserver restarted
 * (watches broken, 410 Gone); each disrupted run must match the uninterrupted one on every check:
 * indices 0..7 with none lost or duplicated, one Job per Trial, identical parameters by index,
 * status counts equal to the Trials, the same best trial, nothing stuck, the archive complete. No
 * timing is asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChaosIT {

  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private ChaosEnv env;
  private ChaosScenarios scenarios;

  @BeforeAll
  void start() throws Exception {
    env = ChaosEnv.start(8, 4, 1500);
    scenarios = new ChaosScenarios(env, ChaosSuite::log, TIMEOUT);
    ChaosScenarios.Row baseline = scenarios.baseline();
    assertThat(baseline.checks()).allSatisfy(c -> assertThat(c.pass()).as(c.toString()).isTrue());
  }

  @AfterAll
  void stop() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  @Order(1)
  void anOperatorSigkilledAsBatchesStartFinishesTheStudyAsAnUninterruptedRunDoes() {
    assertPasses(scenarios.operatorKilled(2));
  }

  @Test
  @Order(2)
  void aRestartedApiServerBreaksEveryWatchAndTheStudyEndsAsAnUninterruptedRunDoes() {
    ChaosScenarios.Row row = scenarios.apiServerRestarted(1, Duration.ofSeconds(3));
    assertPasses(row);
    // the informers really resumed with 410 Gone and relisted (counted in the operator's log)
    assertThat(row.notes()).doesNotStartWith("0 ").doesNotStartWith("-1 ");
  }

  private static void assertPasses(ChaosScenarios.Row row) {
    List<String> failed =
        row.checks().stream().filter(c -> !c.pass()).map(Object::toString).toList();
    assertThat(failed).as(row.scenario() + " (" + row.notes() + ")").isEmpty();
  }
}
