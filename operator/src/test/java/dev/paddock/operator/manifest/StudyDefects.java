package dev.paddock.operator.manifest;

import static dev.paddock.operator.manifest.Defect.at;
import static dev.paddock.operator.manifest.Defect.containers;
import static dev.paddock.operator.manifest.StudyGenerator.map;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Defects of a TrainingStudy that the API server must refuse: each family breaks one rule of the
 * schema or of its CEL rules, at the rule's edge where it has one (min == max, log with min 0,
 * parallelism = maxTrials + 1, ...). Families of the budget, the trial and the metadata are in
 * {@link BudgetDefects}; the search space's in {@link SpaceDefects}.
 */
final class StudyDefects {

  private StudyDefects() {}

  static Arbitrary<Defect> any() {
    return Arbitraries.oneOf(
        List.of(
            SpaceDefects.any(),
            SpaceDefects.any(),
            BudgetDefects.any(),
            enums(),
            thresholdsOutOfOrder(),
            badCode(),
            badCron(),
            metricsRepeatObjective(),
            missingRequired(),
            badMetricName()));
  }

  static Arbitrary<Defect> enums() {
    return Arbitraries.of(
            List.of("spec.objective", "direction", "up"),
            List.of("spec.objective", "direction", "Maximize"),
            List.of("spec.search", "algorithm", "bayes"),
            List.of("spec.earlyStopping", "algorithm", "hyperband"),
            List.of("spec.grading", "mode", "rank"),
            List.of("spec.grading", "direction", "up"),
            List.of("spec.archive", "minGrade", "E"),
            List.of("spec.deploy", "minGrade", "Z"))
        .map(
            e ->
                Defect.of(
                    "enum",
                    e,
                    r -> {
                      Map<String, Object> parent = at(r, e.get(0));
                      parent.put(e.get(1), e.get(2));
                      if (e.get(0).equals("spec.deploy")) {
                        parent.put("modelDeployment", "serving");
                      }
                    }));
  }

  static Arbitrary<Defect> thresholdsOutOfOrder() {
    return Arbitraries.of("S", "A", "B", "C")
        .map(
            grade ->
                Defect.of(
                    "thresholds out of order",
                    grade,
                    r -> {
                      at(r, "spec.objective");
                      String direction = GradingGenerator.direction(at(r, "spec"));
                      Map<String, Object> t = GradingGenerator.ordered(direction, 0.5, 0.1);
                      String next = "SABCD".charAt("SABCD".indexOf(grade) + 1) + "";
                      t.put(grade, t.get(next));
                      at(r, "spec.grading").put("thresholds", t);
                    }));
  }

  static Arbitrary<Defect> badCode() {
    return Arbitraries.of(
            "QS-{foo}",
            "{grade}{index}",
            "-{grade}",
            "{grade}-",
            "a{grade",
            "a}b-{index}",
            "a/b",
            "{}",
            "{Grade}",
            "x-{grade",
            "{index}.",
            "{seed}-x",
            "c".repeat(129),
            "")
        .map(
            code ->
                Defect.of("bad code template", code, r -> at(r, "spec.grading").put("code", code)));
  }

  static Arbitrary<Defect> badCron() {
    return Arbitraries.of(
            "* * * *",
            "0 0 * * * *",
            "@every 5m",
            "daily",
            "*/5 * * * * ?",
            "0 0 * * MON-",
            "61 * * * *",
            "0 24 * * *",
            "0 0 0 * *",
            "0 0 32 * *",
            "0 0 * 13 *",
            "0 0 * * 7",
            "*/0 * * * *",
            "0 0 * XYZ *",
            "0 0 * * MON-FRY",
            "0 2 * * 0 ".repeat(13))
        .map(cron -> Defect.of("bad cron", cron, r -> at(r, "spec").put("schedule", cron)));
  }

  static Arbitrary<Defect> metricsRepeatObjective() {
    return Arbitraries.just(
        Defect.of(
            "metrics repeat the objective",
            "",
            r -> {
              Object metric = at(r, "spec.objective").get("metric");
              Defect.list(at(r, "spec"), "metrics").add(metric);
            }));
  }

  static Arbitrary<Defect> missingRequired() {
    return Arbitraries.of(
            "spec.objective",
            "spec.objective.metric",
            "spec.objective.direction",
            "spec.search",
            "spec.search.algorithm",
            "spec.budget",
            "spec.budget.maxTrials",
            "spec.trial",
            "spec.trial.epochs",
            "spec.trial.template",
            "spec.trial.template.spec.containers")
        .map(
            path ->
                Defect.of(
                    "missing required field",
                    path,
                    r -> {
                      int dot = path.lastIndexOf('.');
                      at(r, path.substring(0, dot)).remove(path.substring(dot + 1));
                    }));
  }

  static Arbitrary<Defect> badMetricName() {
    return Arbitraries.of("Val-Loss", "1st", "val loss", "m".repeat(64))
        .flatMap(
            name ->
                Arbitraries.of(
                    Defect.of(
                        "bad metric name",
                        "objective " + name,
                        r -> at(r, "spec.objective").put("metric", name)),
                    Defect.of(
                        "bad metric name",
                        "metrics " + name,
                        r -> Defect.list(at(r, "spec"), "metrics").add(name)),
                    Defect.of(
                        "bad metric name",
                        "grading " + name,
                        r -> at(r, "spec.grading").put("metric", name))));
  }

  static Map<String, Object> trainer() {
    return map("name", "trainer", "image", "paddock/trainer:0.1.0");
  }

  static void renameTrainer(Map<String, Object> resource, String name) {
    for (Object c : containers(resource)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> container = (Map<String, Object>) c;
      if ("trainer".equals(container.get("name"))) {
        container.put("name", name);
      }
    }
  }
}
