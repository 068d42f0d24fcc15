package dev.paddock.operator.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Go's printing, CEL names and field paths, as the server writes them. */
class FormattingTest {

  @Test
  void numbersPrintAsGoPrintsAFloat64() {
    assertThat(GoFormat.number(1.0)).isEqualTo("1");
    assertThat(GoFormat.number(0.01)).isEqualTo("0.01");
    assertThat(GoFormat.number(150.5)).isEqualTo("150.5");
    assertThat(GoFormat.number(0.0001)).isEqualTo("0.0001");
    assertThat(GoFormat.number(0.00001)).isEqualTo("1e-05");
    assertThat(GoFormat.number(100000.0)).isEqualTo("100000");
    assertThat(GoFormat.number(1234567.5)).isEqualTo("1.2345675e+06");
    assertThat(GoFormat.number(-2.5)).isEqualTo("-2.5");
  }

  @Test
  void stringsAreQuotedAsStrconvQuoteDoes() {
    assertThat(GoFormat.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\x01\"");
    assertThat(GoFormat.quote("héllo")).isEqualTo("\"héllo\"");
  }

  @Test
  void otherValuesPrintInGoSyntax() {
    assertThat(GoFormat.badValue(Map.of("b", 1L, "a", List.of("x"))))
        .isEqualTo("map[string]interface {}{\"a\":[]interface {}{\"x\"}, \"b\":1}");
    assertThat(GoFormat.badValue(null)).isEqualTo("\"null\"");
    assertThat(GoFormat.badValue(true)).isEqualTo("true");
  }

  @Test
  void oneErrorHasNoBracketsAndRepeatsAreDropped() {
    ResourceSchema study = StudyFixture.study();
    FieldError required = FieldError.required("spec.budget", "");

    assertThat(Refusals.message(study, "s", List.of(required, required)))
        .isEqualTo("TrainingStudy.paddock.dev \"s\" is invalid: spec.budget: Required value");
  }

  @Test
  void propertyNamesAreEscapedForCel() {
    assertThat(CelValues.escape("namespace")).isEqualTo("__namespace__");
    assertThat(CelValues.escape("a-b.c/d")).isEqualTo("a__dash__b__dot__c__slash__d");
    assertThat(CelValues.escape("a__b")).isEqualTo("a__underscores__b");
    assertThat(CelValues.escape("S")).isEqualTo("S");
    assertThat(CelValues.escape("1st")).isNull();
  }

  @Test
  void ruleFieldPathsAreNormalizedAgainstTheSchema() {
    var search = StudyFixture.study().schema().getProperties().get("spec");

    assertThat(RuleFieldPath.append("spec", ".budget.parallelism", search))
        .isEqualTo("spec.budget.parallelism");
    assertThat(RuleFieldPath.append("spec", ".search['ensemble'].parameters['lr']", search))
        .isEqualTo("spec.search.ensemble.parameters[lr]");
    assertThat(RuleFieldPath.append("spec", ".nothing", search)).isEqualTo("spec");
  }

  @Test
  void findAllFollowsGo() throws Exception {
    CelEnvironment cel = new CelEnvironment();

    assertThat(cel.compile("'a{b}c{d}'.findAll('[{][^}]*[}]')").program().eval(Map.of()))
        .isEqualTo(List.of("{b}", "{d}"));
    assertThat(cel.compile("'abc'.findAll('x*')").program().eval(Map.of()))
        .isEqualTo(List.of("", "", "", ""));
    assertThat(cel.compile("'a1b2c3'.findAll('[0-9]', 2)").program().eval(Map.of()))
        .isEqualTo(List.of("1", "2"));
    assertThat(cel.compile("'a1b2'.find('[0-9]')").program().eval(Map.of())).isEqualTo("1");
  }
}
