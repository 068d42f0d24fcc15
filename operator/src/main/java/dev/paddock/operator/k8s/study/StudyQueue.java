package dev.paddock.operator.k8s.study;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.api.v1alpha1.TrialStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a study's unfinished trials stand with its Kueue queue ({@code spec.scheduling.queueName}),
 * from what the trials say ({@code TrialReconciler} reads Kueue's Workloads): how many its queue
 * has admitted, how many wait in it, and whether Kueue cannot admit them at all (the queue does not
 * exist, or is stopped), which the study says in its {@code QueueReady} condition and a Warning
 * event rather than in a silent Pending.
 *
 * @param admitted unfinished trials whose Job has been admitted: running, or waiting for something
 *     other than the queue (the scheduler, an image)
 * @param queued unfinished trials whose Job waits for the queue
 * @param inadmissible Kueue's words when it cannot admit them, else null
 */
record StudyQueue(int admitted, int queued, String inadmissible) {

  static final String CONDITION = "QueueReady";
  static final String INADMISSIBLE = "Inadmissible";

  private static final Set<String> WAITING_FOR_QUEUE = Set.of("Queued", INADMISSIBLE);

  /** Empty for a study without a queue. */
  static Optional<StudyQueue> of(TrainingStudy study, List<Trial> trials) {
    var scheduling = study.getSpec().scheduling();
    if (scheduling == null || scheduling.queueName() == null) {
      return Optional.empty();
    }
    int admitted = 0;
    int queued = 0;
    String inadmissible = null;
    for (Trial trial : trials) {
      TrialStatus status = trial.getStatus();
      if (status == null || status.phase() == null) {
        continue; // not looked at yet (within its grace)
      }
      TrialPhase phase = status.phase();
      if (phase == TrialPhase.Pending && WAITING_FOR_QUEUE.contains(status.reason())) {
        queued++;
        if (INADMISSIBLE.equals(status.reason()) && inadmissible == null) {
          inadmissible = status.message();
        }
      } else if (phase == TrialPhase.Pending
          || phase == TrialPhase.Running
          || phase == TrialPhase.Preempted) {
        admitted++;
      }
    }
    return Optional.of(new StudyQueue(admitted, queued, inadmissible));
  }

  /** The QueueReady condition: False while Kueue cannot admit the trials, else True. */
  Condition condition(String queue, long generation, Instant now, List<Condition> previous) {
    boolean ready = inadmissible == null;
    String reason = ready ? "Admissible" : INADMISSIBLE;
    String message =
        ready
            ? "queue " + queue + " admits the trials' Jobs as its quota allows"
            : "Kueue cannot admit the trials' Jobs from queue " + queue + ": " + inadmissible;
    String since = now.toString();
    if (previous != null) {
      for (Condition c : previous) {
        if (CONDITION.equals(c.getType())
            && (ready ? "True" : "False").equals(c.getStatus())
            && c.getLastTransitionTime() != null) {
          since = c.getLastTransitionTime();
        }
      }
    }
    return new ConditionBuilder()
        .withType(CONDITION)
        .withStatus(ready ? "True" : "False")
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(generation)
        .withLastTransitionTime(since)
        .build();
  }

  /** Whether the previous conditions already said this study's queue is inadmissible. */
  static boolean saidInadmissible(List<Condition> previous) {
    return previous != null
        && previous.stream()
            .anyMatch(c -> CONDITION.equals(c.getType()) && "False".equals(c.getStatus()));
  }
}
