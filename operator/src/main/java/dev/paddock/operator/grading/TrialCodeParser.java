package dev.paddock.operator.grading;

import dev.paddock.operator.search.CategoricalParameter;
import dev.paddock.operator.search.FloatParameter;
import dev.paddock.operator.search.IntParameter;
import dev.paddock.operator.search.ParameterSpec;
import dev.paddock.operator.search.ValueFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a trial code back into its fields, by matching it against a regular expression built from
 * the template (one group per field, shaped by the field's type). Codes cut to 63 characters no
 * longer match and give empty.
 */
public final class TrialCodeParser {
  private final TrialCodeTemplate template;
  private final Pattern pattern;
  private final List<String> fieldOrder = new ArrayList<>();

  public TrialCodeParser(TrialCodeTemplate template) {
    this.template = template;
    StringBuilder regex = new StringBuilder();
    for (TrialCodeTemplate.Segment s : template.segments()) {
      if (s.isField()) {
        fieldOrder.add(s.field());
        regex.append('(').append(fieldPattern(s.field())).append(')');
      } else {
        regex.append(Pattern.quote(s.literal()));
      }
    }
    regex.append("(?:-([0-9]+)(?:-([0-9]+))?)?");
    this.pattern = Pattern.compile(regex.toString());
  }

  public Optional<ParsedTrialCode> parse(String code) {
    Matcher m = pattern.matcher(code);
    if (!m.matches()) {
      return Optional.empty();
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < fieldOrder.size(); i++) {
      fields.putIfAbsent(fieldOrder.get(i), m.group(i + 1));
    }
    String suffixIndex = m.group(fieldOrder.size() + 1);
    try {
      return Optional.of(build(fields, suffixIndex));
    } catch (DateTimeParseException | NumberFormatException | ArithmeticException bad) {
      return Optional.empty();
    }
  }

  private ParsedTrialCode build(Map<String, String> fields, String suffixIndex) {
    Grade grade = fields.containsKey("grade") ? Grade.valueOf(fields.get("grade")) : null;
    LocalDate date =
        fields.containsKey("date")
            ? LocalDate.parse(fields.get("date"), DateTimeFormatter.BASIC_ISO_DATE)
            : null;
    Long index = null;
    if (fields.containsKey("index")) {
      index = Long.parseLong(fields.get("index"));
    } else if (suffixIndex != null) {
      index = Long.parseLong(suffixIndex);
    }
    Double objective =
        fields.containsKey("objective") && !fields.get("objective").equals("x")
            ? CodeEncoding.decodeFloat(fields.get("objective"))
            : null;
    Map<String, String> parameters = new LinkedHashMap<>();
    fields.forEach(
        (name, text) -> {
          if (!TrialCodeTemplate.BUILT_INS.contains(name)) {
            decode(template.parameter(name), text).ifPresent(v -> parameters.put(name, v));
          }
        });
    return new ParsedTrialCode(
        grade, date, index, objective, Map.copyOf(fields), parameters, suffixIndex != null);
  }

  private static Optional<String> decode(Optional<ParameterSpec> spec, String text) {
    if (spec.isEmpty()) {
      return Optional.of(text);
    }
    ParameterSpec p = spec.get();
    if (p instanceof IntParameter) {
      return Optional.of(ValueFormat.formatInt(CodeEncoding.decodeInt(text)));
    }
    if (p instanceof FloatParameter) {
      return Optional.of(ValueFormat.formatFloat(CodeEncoding.decodeFloat(text)));
    }
    List<String> matches =
        ((CategoricalParameter) p)
            .choices().stream().filter(c -> CodeEncoding.encodeText(c).equals(text)).toList();
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }

  private String fieldPattern(String field) {
    return switch (field) {
      case "grade" -> "[SABCDF]";
      case "date" -> "[0-9]{8}";
      case "index" -> "[0-9]+";
      case "objective" -> CodeEncoding.FLOAT_PATTERN + "|x";
      default ->
          template.parameter(field).map(CodeEncoding::pattern).orElse(CodeEncoding.TEXT_PATTERN);
    };
  }
}
