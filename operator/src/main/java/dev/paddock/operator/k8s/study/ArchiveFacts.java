package dev.paddock.operator.k8s.study;

import dev.paddock.api.v1alpha1.MetricSummary;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialStatus;
import dev.paddock.operator.study.StudyDefinition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What Paddock adds to a trial's metadata.json in the archive; the trainer's own file already holds
 * its hardware, library versions and data fingerprint.
 */
final class ArchiveFacts {

  private ArchiveFacts() {}

  static Map<String, Object> of(
      TrainingStudy study, StudyDefinition definition, Trial trial, Instant now) {
    TrialStatus status = trial.getStatus();
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("namespace", study.getMetadata().getNamespace());
    facts.put("study", study.getMetadata().getName());
    facts.put("studyUid", study.getMetadata().getUid());
    facts.put("trial", trial.getMetadata().getName());
    facts.put("trialUid", trial.getMetadata().getUid());
    facts.put("index", trial.getSpec().index());
    facts.put("code", status.code());
    facts.put("grade", status.grade().name());
    facts.put("objectiveMetric", definition.objective().metric());
    facts.put("objective", status.objective());
    facts.put("parameters", new TreeMap<>(trial.getSpec().parameters()));
    Map<String, Object> metrics = new TreeMap<>();
    Objects.requireNonNullElse(status.metrics(), Map.<String, MetricSummary>of())
        .forEach(
            (name, summary) -> {
              Map<String, Object> values = new LinkedHashMap<>();
              values.put("latest", summary.latest());
              values.put("best", summary.best());
              metrics.put(name, values);
            });
    facts.put("metrics", metrics);
    facts.put("epochs", status.epoch());
    facts.put("gpuSeconds", status.gpuSeconds());
    facts.put("completionTime", status.completionTime());
    facts.put("archivedAt", now.toString());
    facts.put("versions", Map.of("paddock", paddockVersion()));
    return facts;
  }

  private static String paddockVersion() {
    String version = ArchiveFacts.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
