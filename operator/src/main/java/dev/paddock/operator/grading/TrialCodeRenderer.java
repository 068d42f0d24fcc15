package dev.paddock.operator.grading;

import dev.paddock.operator.search.ParameterSpec;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

/**
 * Renders trial codes such as {@code MLP-A-N512x3B4K-L3E4-20261121} from a {@link
 * TrialCodeTemplate}. Every code is a valid label value (at most 63 characters, letters, digits,
 * '-', '_', '.', starting and ending with a letter or digit) and so also a safe object-store key
 * segment; a code is unique among {@code taken}: on a collision the trial index is appended ({@code
 * -17}), then a counter ({@code -17-2}), which is deterministic for a given set of taken codes.
 */
public final class TrialCodeRenderer {
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private final TrialCodeTemplate template;

  public TrialCodeRenderer(TrialCodeTemplate template) {
    this.template = template;
  }

  /**
   * @param taken the codes other trials of the study already have
   */
  public String render(TrialCodeInput input, Set<String> taken) {
    String base = base(input);
    if (!taken.contains(base)) {
      return base;
    }
    for (int k = 1; ; k++) {
      String suffix = "-" + input.index() + (k == 1 ? "" : "-" + k);
      String candidate = fit(base, suffix);
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  }

  /** The code before collision handling: rendered, kept to valid characters, cut to 63. */
  String base(TrialCodeInput input) {
    StringBuilder code = new StringBuilder();
    for (TrialCodeTemplate.Segment s : template.segments()) {
      code.append(s.isField() ? field(s.field(), input) : s.literal());
    }
    String clean =
        LabelValues.trimToAlphanumeric(code.toString().replaceAll("[^A-Za-z0-9._-]", ""));
    if (clean.isEmpty()) {
      return "t" + input.index();
    }
    return fit(clean, "");
  }

  private static String fit(String base, String suffix) {
    int room = LabelValues.MAX_LENGTH - suffix.length();
    String head = base.length() > room ? base.substring(0, room) : base;
    return LabelValues.trimToAlphanumeric(head) + suffix;
  }

  private String field(String name, TrialCodeInput input) {
    switch (name) {
      case "grade":
        return input.grade().name();
      case "date":
        return input.finished().format(DATE);
      case "index":
        return Long.toString(input.index());
      case "objective":
        return input.objective() == null ? "x" : CodeEncoding.encodeFloat(input.objective());
      default:
        String value = input.parameters().get(name);
        if (value == null) {
          throw new IllegalArgumentException(
              "grading.code needs parameter '" + name + "', which the trial does not have");
        }
        Optional<ParameterSpec> spec = template.parameter(name);
        return spec.map(p -> CodeEncoding.encode(p, value))
            .orElseGet(() -> CodeEncoding.encodeText(value));
    }
  }
}
