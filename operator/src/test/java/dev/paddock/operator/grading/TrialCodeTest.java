package dev.paddock.operator.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.operator.search.CategoricalParameter;
import dev.paddock.operator.search.FloatParameter;
import dev.paddock.operator.search.IntParameter;
import dev.paddock.operator.search.SearchSpace;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrialCodeTest {
  private static final SearchSpace SPACE =
      SearchSpace.of(
          FloatParameter.logScale("lr", 1e-7, 1e-2),
          CategoricalParameter.of("hidden", "256,128,64", "512,256,128", "512,256"),
          IntParameter.stepped("batch_size", 32, 8192, 32));
  private static final String TEMPLATE = "MLP-{grade}-N{hidden}B{batch_size}-L{lr}-{date}";
  private final TrialCodeTemplate template = TrialCodeTemplate.parse(TEMPLATE, SPACE);
  private final TrialCodeRenderer renderer = new TrialCodeRenderer(template);
  private final TrialCodeParser parser = new TrialCodeParser(template);
  private final LocalDate day = LocalDate.of(2026, 2, 14);

  private TrialCodeInput input(long index, Grade grade, String lr, String hidden, String batch) {
    return new TrialCodeInput(
        index, grade, day, 0.21, Map.of("lr", lr, "hidden", hidden, "batch_size", batch));
  }

  @Test
  void rendersTheIssueExample() {
    String code = renderer.render(input(17, Grade.A, "0.000002", "512,256,128", "4096"), Set.of());
    assertThat(code).isEqualTo("MLP-A-N512x3B4K-L2E6-20260214");
    assertThat(LabelValues.isValid(code)).isTrue();
  }

  @Test
  void parsesACodeBackToItsFields() {
    ParsedTrialCode parsed = parser.parse("MLP-A-N512x3B4K-L31E5-20260214").orElseThrow();
    assertThat(parsed.grade()).isEqualTo(Grade.A);
    assertThat(parsed.date()).isEqualTo(day);
    assertThat(parsed.parameters())
        .containsEntry("hidden", "512,256,128")
        .containsEntry("batch_size", "4096")
        .containsEntry("lr", "0.00031");
    assertThat(parsed.collisionSuffix()).isFalse();
    assertThat(parser.parse("MLP-Q-N512x3B4K-L31E5-20260214")).isEmpty();
    assertThat(parser.parse("something else")).isEmpty();
  }

  @Test
  void collisionsGetTheTrialIndexThenACounter() {
    Set<String> taken = new HashSet<>();
    String first = renderer.render(input(3, Grade.B, "0.0003", "512,256", "256"), taken);
    taken.add(first);
    String second = renderer.render(input(8, Grade.B, "0.00031", "512,256", "256"), taken);
    assertThat(first).isEqualTo("MLP-B-N512x2B256-L3E4-20260214");
    assertThat(second).isEqualTo("MLP-B-N512x2B256-L31E5-20260214");
    String third = renderer.render(input(9, Grade.B, "0.000300001", "512,256", "256"), taken);
    assertThat(third).isEqualTo(first + "-9");
    taken.add(third);
    taken.add(renderer.render(input(9, Grade.B, "0.0003", "512,256", "256"), taken));
    assertThat(taken).contains(first + "-9-2");
    ParsedTrialCode parsed = parser.parse(first + "-9").orElseThrow();
    assertThat(parsed.collisionSuffix()).isTrue();
    assertThat(parsed.index()).isEqualTo(9);
    assertThat(parsed.parameters()).containsEntry("lr", "0.0003");
  }

  @Test
  void longCodesAreCutTo63AndStayValidAndUnique() {
    SearchSpace wide =
        SearchSpace.of(CategoricalParameter.of("optimizer", "averyveryverylongname", "short"));
    TrialCodeTemplate t =
        TrialCodeTemplate.parse(
            "EXPERIMENT_WITH_A_LONG_PREFIX.{optimizer}-{optimizer}-{optimizer}-{optimizer}-{date}",
            wide);
    TrialCodeRenderer r = new TrialCodeRenderer(t);
    TrialCodeInput in =
        new TrialCodeInput(123, Grade.S, day, null, Map.of("optimizer", "averyveryverylongname"));
    String code = r.render(in, Set.of());
    assertThat(code).hasSizeLessThanOrEqualTo(63);
    assertThat(LabelValues.isValid(code)).isTrue();
    String again = r.render(in, Set.of(code));
    assertThat(again).hasSizeLessThanOrEqualTo(63).endsWith("-123").isNotEqualTo(code);
    assertThat(LabelValues.isValid(again)).isTrue();
    assertThat(new TrialCodeParser(t).parse(code)).isEmpty(); // cut codes do not parse back
  }

  @Test
  void negativeObjectivesAndIndexFieldsRender() {
    TrialCodeTemplate t = TrialCodeTemplate.parse("{index}-{grade}-O{objective}", SPACE);
    TrialCodeInput in = new TrialCodeInput(5, Grade.F, day, -2.5, Map.of());
    String code = new TrialCodeRenderer(t).render(in, Set.of());
    assertThat(code).isEqualTo("5-F-On2P5");
    ParsedTrialCode parsed = new TrialCodeParser(t).parse(code).orElseThrow();
    assertThat(parsed.objective()).isEqualTo(-2.5);
    assertThat(parsed.index()).isEqualTo(5);
  }

  @Test
  void badTemplatesAreRefusedWithAReadableMessage() {
    assertThatThrownBy(() -> TrialCodeTemplate.parse("MLP-{momentum}", SPACE))
        .hasMessageContaining("unknown field {momentum}");
    assertThatThrownBy(() -> TrialCodeTemplate.parse("MLP {grade}", SPACE))
        .hasMessageContaining("literal text");
    assertThatThrownBy(() -> TrialCodeTemplate.parse("-{grade}", SPACE))
        .hasMessageContaining("start and end");
    assertThatThrownBy(() -> TrialCodeTemplate.parse("{grade}{index}", SPACE))
        .hasMessageContaining("need literal text between them");
    assertThat(TrialCodeTemplate.parse("E-{seed}", SPACE, Set.of("seed")).segments()).hasSize(2);
  }
}
