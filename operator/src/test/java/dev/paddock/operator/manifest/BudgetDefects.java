package dev.paddock.operator.manifest;

import static dev.paddock.operator.manifest.Defect.at;
import static dev.paddock.operator.manifest.Defect.containers;
import static dev.paddock.operator.manifest.StudyGenerator.map;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Defects of the budget, early stopping, the trial settings and pod template, the operational
 * blocks (archive, retention, scheduling, deploy), the metadata, and of the manifest's shape
 * (unknown fields, wrong types).
 */
final class BudgetDefects {

  private BudgetDefects() {}

  static Arbitrary<Defect> any() {
    return Arbitraries.oneOf(
        List.of(
            parallelismAboveMaxTrials(),
            outOfRange(),
            outOfRange(),
            trainerMissing(),
            containersWrong(),
            badMetadataName(),
            unknownField(),
            wrongType()));
  }

  static Arbitrary<Defect> parallelismAboveMaxTrials() {
    return Arbitraries.integers()
        .between(1, 999)
        .edgeCases(e -> e.includeOnly(1, 999))
        .map(
            maxTrials ->
                Defect.of(
                    "parallelism above maxTrials",
                    maxTrials,
                    r -> {
                      at(r, "spec.budget").put("maxTrials", maxTrials);
                      at(r, "spec.budget").put("parallelism", maxTrials + 1);
                    }));
  }

  /** A number just outside its field's bounds. */
  static Arbitrary<Defect> outOfRange() {
    return Arbitraries.of(
            List.of("spec.budget", "maxTrials", 0),
            List.of("spec.budget", "maxTrials", 100_001),
            List.of("spec.budget", "parallelism", 0),
            List.of("spec.budget", "parallelism", 1001),
            List.of("spec.budget", "maxFailedTrials", -1),
            List.of("spec.budget", "maxGpuHours", -0.5),
            List.of("spec.trial", "epochs", 0),
            List.of("spec.trial", "epochs", 100_001),
            List.of("spec.trial", "maxRetries", 101),
            List.of("spec.trial", "checkpointEveryEpochs", 0),
            List.of("spec.trial", "activeDeadlineSeconds", 0),
            List.of("spec.earlyStopping", "minTrials", 0),
            List.of("spec.earlyStopping.asha", "reductionFactor", 1),
            List.of("spec.earlyStopping.asha", "reductionFactor", 17),
            List.of("spec.earlyStopping.asha", "minEpochs", 0),
            List.of("spec.archive", "topPercent", 100.5),
            List.of("spec.retention", "keepTrials", -1),
            List.of("spec.scheduling", "queueName", "Team_A"),
            List.of("spec.deploy", "modelDeployment", "Serving!"))
        .map(
            e ->
                Defect.of(
                    "out of range",
                    e,
                    r -> {
                      at(r, (String) e.get(0)).put((String) e.get(1), e.get(2));
                      if (((String) e.get(0)).startsWith("spec.earlyStopping")) {
                        at(r, "spec.earlyStopping").putIfAbsent("algorithm", "asha");
                      }
                    }));
  }

  static Arbitrary<Defect> trainerMissing() {
    return Arbitraries.of("main", "trainer-0", "Trainer")
        .map(
            name ->
                Defect.of("no trainer container", name, r -> StudyDefects.renameTrainer(r, name)));
  }

  static Arbitrary<Defect> badMetadataName() {
    return Arbitraries.of("Bad_Name", "-study", "s".repeat(254), "study.")
        .map(
            name -> Defect.of("bad metadata.name", name, r -> at(r, "metadata").put("name", name)));
  }

  static Arbitrary<Defect> unknownField() {
    return Arbitraries.of(
            List.of("spec.budget", "maxTrails"),
            List.of("spec", "objectives"),
            List.of("spec.search", "sampler"))
        .map(e -> Defect.of("unknown field", e, r -> at(r, e.get(0)).put(e.get(1), 3)));
  }

  /** A value of the wrong JSON type: a string for a number, a float for an integer, .... */
  static Arbitrary<Defect> wrongType() {
    return Arbitraries.of(
            List.of("spec.budget", "maxTrials", "ten"),
            List.of("spec.budget", "maxTrials", 5.5),
            List.of("spec.trial", "epochs", 2.5),
            List.of("spec", "suspend", "yes"),
            List.of("spec", "metrics", "val_loss"),
            List.of("spec.search", "seed", 1.5),
            List.of("spec.search", "initial", Collections.nCopies(65, map("lr", "0.1"))),
            List.of(
                "spec.search", "historyFrom", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i")),
            List.of("spec.objective", "goal", "high"),
            List.of("spec.budget", "maxTrials", 1e30),
            List.of("spec.objective", "metric", ""),
            List.of("spec.grading", "code", "QS-é-{grade}"),
            List.of("spec.trial.template.spec", "containers", "trainer"))
        .map(
            e ->
                Defect.of(
                    "wrong type or size",
                    e.get(0) + "." + e.get(1),
                    r ->
                        at(r, (String) e.get(0))
                            .put((String) e.get(1), StudyFixture.mutable(e.get(2)))));
  }

  static Arbitrary<Defect> containersWrong() {
    return Arbitraries.of(
            List.<Object>of(),
            new ArrayList<Object>(Collections.nCopies(17, StudyDefects.trainer())))
        .map(
            list ->
                Defect.of(
                    "containers",
                    list.size(),
                    r -> {
                      List<Object> containers = containers(r);
                      containers.clear();
                      list.forEach(c -> containers.add(StudyFixture.mutable(c)));
                    }));
  }
}
