package dev.paddock.operator.k8s;

import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.api.v1alpha1.TrialStatus;
import dev.paddock.operator.search.CurvePoint;
import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.search.TrialState;
import dev.paddock.operator.study.StudyTrial;
import dev.paddock.operator.study.SuggestionBasis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Trial objects as the domain sees them. */
public final class StudyTrials {

  private StudyTrials() {}

  public static StudyTrial of(Trial trial) {
    TrialStatus status = trial.getStatus();
    TrialState state = state(status == null ? null : status.phase());
    boolean finished = state != TrialState.RUNNING;
    Double objective = finished && status != null ? status.objective() : null;
    List<CurvePoint> curve = new ArrayList<>();
    if (status != null && status.curve() != null) {
      status.curve().forEach(p -> curve.add(new CurvePoint(p.get(0).intValue(), p.get(1))));
    }
    TrialObservation observation =
        new TrialObservation(
            trial.getSpec().index(),
            Map.copyOf(trial.getSpec().parameters()),
            state,
            objective,
            curve);
    return new StudyTrial(
        trial.getMetadata().getName(),
        observation,
        status == null || status.grade() == null ? null : status.grade().name(),
        status == null ? null : status.code(),
        basis(trial));
  }

  private static SuggestionBasis basis(Trial trial) {
    Map<String, String> annotations = trial.getMetadata().getAnnotations();
    return annotations == null
        ? null
        : SuggestionBasis.parse(annotations.get(SuggestionBasis.ANNOTATION)).orElse(null);
  }

  public static TrialState state(TrialPhase phase) {
    if (phase == null) {
      return TrialState.RUNNING;
    }
    return switch (phase) {
      case Succeeded -> TrialState.SUCCEEDED;
      case Failed -> TrialState.FAILED;
      case Pruned -> TrialState.PRUNED;
      case Pending, Running, Preempted -> TrialState.RUNNING;
    };
  }
}
