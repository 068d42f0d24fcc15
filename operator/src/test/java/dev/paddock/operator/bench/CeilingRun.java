package dev.paddock.operator.bench;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The ceiling: plain Jobs created straight by a client, no operator, never more than {@code
 * inFlight} unfinished at once (a new one as soon as one ends), until all have ended.
 */
final class CeilingRun {

  private CeilingRun() {}

  /** Seconds from the first create to the last Job's end, and to the first wave's creation. */
  record Result(int jobs, double seconds, double firstWaveSeconds) {
    double perSecond() {
      return jobs / seconds;
    }
  }

  static Result run(
      KubernetesClient client,
      String namespace,
      IntFunction<Job> job,
      int total,
      int inFlight,
      Duration timeout)
      throws InterruptedException {
    Semaphore slots = new Semaphore(inFlight);
    Tally<Job> tally =
        new Tally<>(CeilingRun::ended, Math.min(total, inFlight), n -> slots.release());
    SharedIndexInformer<Job> informer =
        client.batch().v1().jobs().inNamespace(namespace).inform(tally, 0);
    // Several creating threads, as a controller with several workers would have.
    ExecutorService creators = Executors.newFixedThreadPool(16);
    try {
      long start = System.nanoTime();
      for (int i = 0; i < total; i++) {
        slots.acquire();
        Job next = job.apply(i);
        creators.execute(() -> client.resource(next).create());
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      while (tally.ended() < total) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "the ceiling's Jobs did not all end in "
                  + timeout
                  + ": "
                  + tally.ended()
                  + " of "
                  + total);
        }
        OperatorProcess.sleep(100);
      }
      return new Result(
          total, (tally.lastEndedAt() - start) / 1e9, (tally.seenTargetAt() - start) / 1e9);
    } finally {
      creators.shutdown();
      creators.awaitTermination(1, TimeUnit.MINUTES);
      informer.close();
    }
  }

  static boolean ended(Job job) {
    List<JobCondition> conditions =
        job.getStatus() == null ? null : job.getStatus().getConditions();
    return conditions != null
        && conditions.stream()
            .anyMatch(
                c ->
                    ("Complete".equals(c.getType()) || "Failed".equals(c.getType()))
                        && "True".equals(c.getStatus()));
  }
}
