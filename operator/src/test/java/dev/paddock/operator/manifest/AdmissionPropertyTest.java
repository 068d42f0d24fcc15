package dev.paddock.operator.manifest;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.operator.study.StudyDefinition;
import dev.paddock.operator.study.StudyDefinitions;
import dev.paddock.operator.study.StudySchedule;
import dev.paddock.operator.study.TrialGrading;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * No static check of a study lives only in code: whatever the CRD accepts (its schema and CEL
 * rules, evaluated as the API server does), the operator's own reading of the study accepts too
 * (its definition, sampler space, grading code template and schedule). What stays in code, and is
 * not generated here: the values and keys of {@code search.initial} and the fixed values of an
 * ensemble's declared parameters (checked against the space when the study is admitted: CEL's cost
 * budget has no room for them, see the README's design notes), and a cron range whose start is
 * after its end or a date that never comes (the schedule reports them).
 */
class AdmissionPropertyTest {

  @Property(tries = 300, seed = "19")
  void whatTheCrdAcceptsTheOperatorAccepts(@ForAll("studies") StudyCase study) {
    TrainingStudy accepted = accepted(study.yaml());
    Assume.that(accepted != null);

    assertThatCode(() -> admit(accepted)).as("%s", study.yaml()).doesNotThrowAnyException();
  }

  @Property(tries = 500, seed = "19")
  void aScheduleTheCrdAcceptsIsReadByTheOperator(@ForAll("schedules") String schedule) {
    Map<String, Object> resource = StudyFixture.quickstart();
    StudyFixture.with(resource, "spec.schedule", schedule);
    Assume.that(StudyFixture.refusal(resource) == null);

    assertThatCode(() -> StudySchedule.of(schedule).orElseThrow())
        .as(schedule)
        .doesNotThrowAnyException();
  }

  @Provide
  Arbitrary<StudyCase> studies() {
    return StudyCase.cases();
  }

  /**
   * Five fields of values, names in any case, ranges (start before end), lists and steps, mostly
   * within each field's bounds and sometimes just outside them.
   */
  @Provide
  Arbitrary<String> schedules() {
    return Combinators.combine(
            field(0, 59, List.of()),
            field(0, 23, List.of()),
            field(1, 31, List.of()),
            field(1, 12, List.of("jan", "Feb", "MAR", "dec")),
            field(0, 6, List.of("sun", "Mon", "SAT", "fri")))
        .as((m, h, dom, mon, dow) -> String.join(" ", m, h, dom, mon, dow));
  }

  private static Arbitrary<String> field(int min, int max, List<String> names) {
    return item(min, max, names).list().ofMinSize(1).ofMaxSize(3).map(i -> String.join(",", i));
  }

  private static Arbitrary<String> item(int min, int max, List<String> names) {
    Arbitrary<Integer> number =
        Arbitraries.frequencyOf(
            Tuple.of(9, Arbitraries.integers().between(min, max)),
            Tuple.of(1, Arbitraries.integers().between(0, 61)));
    Arbitrary<String> value =
        names.isEmpty()
            ? number.map(String::valueOf)
            : Arbitraries.oneOf(number.map(String::valueOf), Arbitraries.of(names));
    Arbitrary<String> range =
        Combinators.combine(number, Arbitraries.integers().between(0, max - min))
            .as((start, length) -> start + "-" + Math.min(start + length, max));
    Arbitrary<String> step =
        Arbitraries.frequencyOf(
            Tuple.of(5, Arbitraries.just("")),
            Tuple.of(4, Arbitraries.integers().between(1, Math.max(max, 7)).map(n -> "/" + n)),
            Tuple.of(1, Arbitraries.integers().between(0, 99).map(n -> "/" + n)));
    return Combinators.combine(Arbitraries.oneOf(Arbitraries.just("*"), value, range), step)
        .as(String::concat);
  }

  private static TrainingStudy accepted(String yaml) {
    try {
      return (TrainingStudy) Manifests.read(yaml, "study.yaml");
    } catch (InvalidManifestException refused) {
      return null;
    }
  }

  private static void admit(TrainingStudy study) {
    StudyDefinition definition =
        StudyDefinitions.from(study.getMetadata().getName(), study.getSpec());
    new TrialGrading(definition);
    StudySchedule.of(study.getSpec().schedule()).ifPresent(s -> s.nextAfter(Instant.EPOCH));
  }
}
