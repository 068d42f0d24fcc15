package dev.paddock.operator.manifest;

import static dev.paddock.operator.manifest.Defect.at;
import static dev.paddock.operator.manifest.StudyGenerator.map;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Changes that keep a study exactly as valid as it was, in the forms a user may write it: nulls
 * (pruned by the server), integral floats where integers are expected (kubectl sends 5.0 as 5), a
 * status block (dropped: status is a subresource), labels and annotations, and pod template fields
 * Paddock does not type (kept as given).
 */
final class Variants {

  private Variants() {}

  static Arbitrary<Defect> any() {
    return Arbitraries.oneOf(List.of(nulls(), integralFloats(), Arbitraries.of(extras())));
  }

  static Arbitrary<Defect> nulls() {
    return Arbitraries.of(
            List.of("spec.budget", "parallelism"),
            List.of("spec", "earlyStopping"),
            List.of("spec", "metrics"),
            List.of("spec.search", "seed"),
            List.of("spec.trial", "maxRetries"))
        .map(e -> Defect.of("null", e, r -> at(r, e.get(0)).put(e.get(1), null)));
  }

  static Arbitrary<Defect> integralFloats() {
    return Arbitraries.of(
            List.of("spec.trial", "epochs", 3.0),
            List.of("spec.budget", "maxFailedTrials", 2.0),
            List.of("spec.objective", "goal", 1L),
            List.of("spec.budget", "maxGpuHours", 4L))
        .map(
            e ->
                Defect.of(
                    "number form",
                    e,
                    r -> at(r, (String) e.get(0)).put((String) e.get(1), e.get(2))));
  }

  private static List<Defect> extras() {
    return Arrays.asList(
        Defect.of(
            "status",
            "phase",
            r -> r.put("status", map("phase", "Running", "observedGeneration", 3))),
        Defect.of(
            "labels",
            "team",
            r -> at(r, "metadata").put("labels", map("team", "vision", "paddock.dev/tier", "a"))),
        Defect.of(
            "annotations",
            "note",
            r -> at(r, "metadata").put("annotations", map("note", "{\"a\": 1}"))),
        Defect.of(
            "pod fields",
            "nodeSelector, tolerations",
            r -> {
              at(r, "spec.trial.template.spec").put("nodeSelector", map("gpu", "true"));
              at(r, "spec.trial.template.spec")
                  .put("tolerations", List.of(map("key", "gpu", "operator", "Exists")));
            }));
  }
}
