package dev.paddock.operator.studyreport;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a study report shows; plain values, no Kubernetes types.
 *
 * @param study the study's name
 * @param namespace the study's namespace (or null for a local run)
 * @param objectiveMetric the metric optimized, e.g. {@code val_f1}
 * @param maximize true when higher objective is better
 * @param goal the objective's goal, or null
 * @param phase the study's phase, e.g. {@code Succeeded}
 * @param phaseMessage the phase's human message, or null
 * @param started when the study started, or null
 * @param finished when it finished, or null while it runs
 * @param trials every trial, in any order
 * @param archivedCodes codes of the archived trials
 * @param deployedSlots slot name ({@code primary}, {@code backup}) to the code deployed there
 * @param parameters parameter name to kind, in the search space's order
 * @param archiveMessage why trials chosen for the archive are not archived, or null
 */
public record StudyReportData(
    String study,
    String namespace,
    String objectiveMetric,
    boolean maximize,
    Double goal,
    String phase,
    String phaseMessage,
    Instant started,
    Instant finished,
    List<ReportTrial> trials,
    List<String> archivedCodes,
    Map<String, String> deployedSlots,
    Map<String, ParameterKind> parameters,
    String archiveMessage) {

  public StudyReportData {
    study = study == null ? "study" : study;
    objectiveMetric = objectiveMetric == null ? "objective" : objectiveMetric;
    phase = phase == null ? "Unknown" : phase;
    trials = trials == null ? List.of() : List.copyOf(trials);
    archivedCodes = archivedCodes == null ? List.of() : List.copyOf(archivedCodes);
    deployedSlots =
        deployedSlots == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(deployedSlots));
    parameters =
        parameters == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** {@code maximize} or {@code minimize}. */
  public String direction() {
    return maximize ? "maximize" : "minimize";
  }
}
