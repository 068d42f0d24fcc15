package dev.paddock.operator.local;

import dev.paddock.operator.rollout.Slots;
import dev.paddock.operator.search.Direction;
import dev.paddock.operator.search.FloatParameter;
import dev.paddock.operator.search.IntParameter;
import dev.paddock.operator.search.ParameterSpec;
import dev.paddock.operator.study.StudyDefinition;
import dev.paddock.operator.study.StudyPlan;
import dev.paddock.operator.studyreport.ParameterKind;
import dev.paddock.operator.studyreport.ReportTrial;
import dev.paddock.operator.studyreport.StudyReportData;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the study report shows, taken from a local run. */
final class LocalReportData {

  private LocalReportData() {}

  static StudyReportData of(
      StudyDefinition study,
      LocalLayout layout,
      StudyPlan plan,
      Collection<LiveTrial> trials,
      LocalWrapUp.Archived archived,
      Optional<Slots> slots,
      Instant started,
      Instant finished) {
    Map<String, String> deployed = new LinkedHashMap<>();
    slots.ifPresent(
        s -> {
          if (s.primary() != null) {
            deployed.put("primary", s.primary().code());
          }
          if (s.backup() != null) {
            deployed.put("backup", s.backup().code());
          }
        });
    return new StudyReportData(
        layout.study(),
        layout.namespace(),
        study.objective().metric(),
        study.objective().direction() == Direction.MAXIMIZE,
        study.objective().goal(),
        plan.phase().name(),
        plan.message(),
        started,
        finished,
        trials.stream().map(LocalReportData::trial).toList(),
        archived.codes(),
        deployed,
        kinds(study),
        archived.problem());
  }

  private static ReportTrial trial(LiveTrial t) {
    List<double[]> curve =
        t.progress.curve().stream().map(p -> new double[] {p.epoch(), p.value()}).toList();
    Long seconds =
        t.startTime == null || t.completionTime == null
            ? null
            : Duration.between(t.startTime, t.completionTime).toSeconds();
    return new ReportTrial(
        t.name,
        t.spec.index(),
        t.spec.parameters(),
        t.phase.name(),
        t.objective,
        t.grade == null ? null : t.grade.name(),
        t.code,
        t.message,
        curve,
        seconds);
  }

  private static Map<String, ParameterKind> kinds(StudyDefinition study) {
    Map<String, ParameterKind> kinds = new LinkedHashMap<>();
    for (ParameterSpec p : study.search().space().parameters()) {
      kinds.put(p.name(), kind(p));
    }
    return kinds;
  }

  private static ParameterKind kind(ParameterSpec parameter) {
    if (parameter instanceof FloatParameter f) {
      return f.log() ? ParameterKind.FLOAT_LOG : ParameterKind.FLOAT;
    }
    if (parameter instanceof IntParameter i) {
      return i.log() ? ParameterKind.INT_LOG : ParameterKind.INT;
    }
    return ParameterKind.CATEGORICAL;
  }
}
