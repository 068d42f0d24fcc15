package dev.paddock.contract.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code key=value} pairs anywhere on a line, separated by spaces, commas, semicolons or pipes:
 * {@code epoch=3 loss=0.41 acc=0.88}, {@code [epoch=3/10, val_loss=nan]}. A value must be a whole
 * number token ({@code lr=1e-3} yes, {@code eta=3s} no); a key may hold letters, digits, {@code _},
 * {@code .}, {@code -} and {@code /}.
 */
final class KeyValueParser implements LineParser {

  private static final Pattern PAIR =
      Pattern.compile(
          "(?<![\\w./-])([A-Za-z_][\\w./-]*)\\s*=\\s*(" + Numbers.PATTERN + ")(?=$|[\\s,;|\\])/])");

  @Override
  public Map<String, Double> parse(String line) {
    Map<String, Double> values = new LinkedHashMap<>();
    Matcher m = PAIR.matcher(line);
    while (m.find()) {
      values.put(m.group(1), Numbers.parse(m.group(2)));
    }
    return values;
  }
}
