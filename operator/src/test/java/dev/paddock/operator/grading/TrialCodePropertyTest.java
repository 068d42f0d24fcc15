package dev.paddock.operator.grading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.operator.search.CategoricalParameter;
import dev.paddock.operator.search.FloatParameter;
import dev.paddock.operator.search.IntParameter;
import dev.paddock.operator.search.SearchSpace;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every code, whatever the template and values, is a valid, unique label value that reads back. */
class TrialCodePropertyTest {
  private static final SearchSpace SPACE =
      SearchSpace.of(
          FloatParameter.linear("f", -1e6, 1e6),
          IntParameter.range("i", Long.MIN_VALUE / 4, Long.MAX_VALUE / 4),
          CategoricalParameter.of(
              "c", "512,256,128", "relu", "Adam W", "ünïcødé", "--", "0.001", "a/b:c", "x"));
  private static final List<String> FIELDS =
      List.of("{grade}", "{date}", "{index}", "{objective}", "{f}", "{i}", "{c}");

  record Case(
      String template,
      long index,
      Grade grade,
      LocalDate date,
      double objective,
      double f,
      long i,
      String c) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<String> literal =
        Arbitraries.strings().withChars("ABCyz-_.").ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> template =
        Combinators.combine(
                Arbitraries.strings().withChars("ABMLP").ofMinLength(1).ofMaxLength(6),
                Arbitraries.of(FIELDS).list().ofMinSize(1).ofMaxSize(6),
                literal.list().ofSize(6))
            .as(
                (head, fields, literals) -> {
                  StringBuilder t = new StringBuilder(head);
                  for (int k = 0; k < fields.size(); k++) {
                    t.append(literals.get(k)).append(fields.get(k));
                  }
                  return t.toString();
                });
    Arbitrary<LocalDate> date =
        Arbitraries.longs().between(0, 60_000).map(d -> LocalDate.of(2000, 1, 1).plusDays(d));
    return Combinators.combine(
            template,
            Arbitraries.longs().between(0, 1_000_000),
            Arbitraries.of(Grade.class),
            date,
            Arbitraries.doubles().between(-1e9, 1e9),
            Arbitraries.doubles().between(-1e6, 1e6),
            Arbitraries.longs().between(Long.MIN_VALUE / 4, Long.MAX_VALUE / 4),
            Arbitraries.of(((CategoricalParameter) SPACE.parameters().get(2)).choices()))
        .as(Case::new);
  }

  @Property(tries = 300)
  void everyCodeIsAValidLabelValueAndReadsBack(@ForAll("cases") Case k) {
    TrialCodeTemplate template = TrialCodeTemplate.parse(k.template(), SPACE);
    TrialCodeRenderer renderer = new TrialCodeRenderer(template);
    Map<String, String> params =
        Map.of("f", Double.toString(k.f()), "i", Long.toString(k.i()), "c", k.c());
    TrialCodeInput input =
        new TrialCodeInput(k.index(), k.grade(), k.date(), k.objective(), params);
    Set<String> taken = new HashSet<>();
    String code = renderer.render(input, taken);
    assertThat(LabelValues.isValid(code)).as(code).isTrue();
    assertThat(code.length()).isLessThanOrEqualTo(63);

    // The same inputs give the same code; a collision gives a different valid code.
    assertThat(renderer.render(input, taken)).isEqualTo(code);
    taken.add(code);
    String second = renderer.render(input, taken);
    assertThat(second).isNotEqualTo(code);
    assertThat(LabelValues.isValid(second)).as(second).isTrue();

    String uncut = renderer.base(input);
    new TrialCodeParser(template)
        .parse(code)
        .ifPresent(
            parsed -> {
              if (k.template().contains("{grade}")) {
                assertThat(parsed.grade()).isEqualTo(k.grade());
              }
              if (k.template().contains("{date}")) {
                assertThat(parsed.date()).isEqualTo(k.date());
              }
              if (k.template().contains("{c}")) {
                assertThat(parsed.fields().get("c")).isEqualTo(CodeEncoding.encodeText(k.c()));
              }
            });
    if (uncut.length() <= 50 && !k.template().contains("{c}")) {
      // Uncut codes whose fields are all typed read back (text fields may be ambiguous).
      assertThat(new TrialCodeParser(template).parse(code)).as(code).isPresent();
    }
  }
}
