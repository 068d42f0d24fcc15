package dev.paddock.operator.grading;

import dev.paddock.operator.search.ParameterSpec;
import dev.paddock.operator.search.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code grading.code} template: literal text and {@code {field}} placeholders. Fields are
 * {@code grade}, {@code date} (the trial's finish date, yyyyMMdd), {@code index}, {@code objective}
 * and parameter names. Literals may use letters, digits, '-', '_' and '.', the characters valid in
 * both a Kubernetes label value and an object-store key.
 */
public record TrialCodeTemplate(String text, List<Segment> segments, SearchSpace space) {
  static final Set<String> BUILT_INS = Set.of("grade", "date", "index", "objective");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");
  private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._-]*");

  /** A piece of the template: literal text, or a field name. */
  public record Segment(String literal, String field) {
    public boolean isField() {
      return field != null;
    }
  }

  public TrialCodeTemplate {
    segments = List.copyOf(segments);
  }

  /**
   * Parses and checks a template.
   *
   * @param extraParameters parameter names that are not in the space but trials carry (e.g. an
   *     ensemble's seed or fixed parameters)
   */
  public static TrialCodeTemplate parse(
      String template, SearchSpace space, Set<String> extraParameters) {
    if (template == null || template.isBlank()) {
      throw new IllegalArgumentException("grading.code must not be empty");
    }
    List<Segment> segments = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(template);
    int at = 0;
    while (m.find()) {
      addLiteral(segments, template.substring(at, m.start()), template);
      String field = m.group(1).trim();
      if (!BUILT_INS.contains(field)
          && space.parameter(field).isEmpty()
          && !extraParameters.contains(field)) {
        throw new IllegalArgumentException(
            "grading.code: unknown field {"
                + field
                + "}: use grade, date, index, objective or a parameter name");
      }
      if (!segments.isEmpty() && segments.get(segments.size() - 1).isField()) {
        throw new IllegalArgumentException(
            "grading.code '"
                + template
                + "': fields {"
                + segments.get(segments.size() - 1).field()
                + "} and {"
                + field
                + "} need literal text between them, or the code cannot be read back");
      }
      segments.add(new Segment(null, field));
      at = m.end();
    }
    addLiteral(segments, template.substring(at), template);
    String first = segments.get(0).literal();
    String last = segments.get(segments.size() - 1).literal();
    if ((first != null && !LabelValues.isAlphanumeric(first.charAt(0)))
        || (last != null && !LabelValues.isAlphanumeric(last.charAt(last.length() - 1)))) {
      throw new IllegalArgumentException(
          "grading.code '" + template + "' must start and end with a letter, a digit or a field");
    }
    return new TrialCodeTemplate(template, segments, space);
  }

  public static TrialCodeTemplate parse(String template, SearchSpace space) {
    return parse(template, space, Set.of());
  }

  private static void addLiteral(List<Segment> segments, String literal, String template) {
    if (literal.isEmpty()) {
      return;
    }
    if (!LITERAL.matcher(literal).matches()) {
      throw new IllegalArgumentException(
          "grading.code '"
              + template
              + "': literal text '"
              + literal
              + "' may only use letters, digits, '-', '_' and '.'");
    }
    segments.add(new Segment(literal, null));
  }

  /** The declared type of a parameter field, when the space declares it. */
  Optional<ParameterSpec> parameter(String field) {
    return space.parameter(field);
  }
}
