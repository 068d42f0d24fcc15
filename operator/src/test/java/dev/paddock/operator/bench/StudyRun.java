package dev.paddock.operator.bench;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;

/**
 * Studies applied at once to a running operator, timed until every one of their trials has ended;
 * the first wave is the studies' parallelism worth of Jobs, created by the operator.
 */
final class StudyRun {

  private StudyRun() {}

  record Result(int trials, int succeeded, double seconds, double firstWaveSeconds) {
    double perSecond() {
      return trials / seconds;
    }
  }

  static Result run(
      KubernetesClient client, String namespace, List<TrainingStudy> studies, Duration timeout) {
    int total = studies.stream().mapToInt(s -> s.getSpec().budget().maxTrials()).sum();
    int firstWave =
        studies.stream()
            .mapToInt(
                s -> Math.min(s.getSpec().budget().maxTrials(), s.getSpec().budget().parallelism()))
            .sum();
    Tally<Trial> trials = new Tally<>(StudyRun::ended, total, n -> {});
    Tally<Job> jobs = new Tally<>(CeilingRun::ended, firstWave, n -> {});
    SharedIndexInformer<Trial> trialInformer =
        client.resources(Trial.class).inNamespace(namespace).inform(trials, 0);
    SharedIndexInformer<Job> jobInformer =
        client.batch().v1().jobs().inNamespace(namespace).inform(jobs, 0);
    try {
      long start = System.nanoTime();
      studies.forEach(s -> client.resource(s).create());
      long deadline = start + timeout.toNanos();
      while (trials.ended() < total) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "the studies' trials did not all end in "
                  + timeout
                  + ": "
                  + trials.ended()
                  + " of "
                  + total
                  + " ("
                  + jobs.seen()
                  + " Jobs)");
        }
        OperatorProcess.sleep(100);
      }
      int succeeded =
          (int)
              trialInformer.getStore().list().stream()
                  .filter(t -> t.getStatus() != null)
                  .filter(t -> t.getStatus().phase() == TrialPhase.Succeeded)
                  .count();
      return new Result(
          total,
          succeeded,
          (trials.lastEndedAt() - start) / 1e9,
          (jobs.seenTargetAt() - start) / 1e9);
    } finally {
      trialInformer.close();
      jobInformer.close();
    }
  }

  private static boolean ended(Trial trial) {
    TrialPhase phase = trial.getStatus() == null ? null : trial.getStatus().phase();
    return phase == TrialPhase.Succeeded
        || phase == TrialPhase.Failed
        || phase == TrialPhase.Pruned;
  }
}
