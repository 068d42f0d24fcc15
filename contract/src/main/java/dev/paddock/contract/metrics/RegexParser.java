package dev.paddock.contract.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression whose named groups are the values: {@code epoch (?<epoch>\d+):
 * loss=(?<loss>\S+)}. Java allows neither {@code _} in group names nor Python's {@code (?P<name>)},
 * both common in metric names and in scripts' own patterns, so groups are renamed before compiling
 * and read back under the names written. Every match on a line counts; a group that did not take
 * part, or is not a number, gives no value.
 */
final class RegexParser implements LineParser {

  private static final Pattern NAMED_GROUP =
      Pattern.compile("(?<!\\\\)\\(\\?P?<([A-Za-z_][A-Za-z0-9_.]*)>");

  private final Pattern pattern;
  private final List<String> names;

  private RegexParser(Pattern pattern, List<String> names) {
    this.pattern = pattern;
    this.names = names;
  }

  /**
   * @throws IllegalArgumentException when the pattern does not compile or has no named group
   */
  static RegexParser compile(String regex) {
    List<String> names = new ArrayList<>();
    Matcher m = NAMED_GROUP.matcher(regex);
    StringBuilder renamed = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(renamed, "(?<g" + names.size() + ">");
      names.add(m.group(1));
    }
    m.appendTail(renamed);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("pattern " + regex + " has no named group");
    }
    try {
      return new RegexParser(Pattern.compile(renamed.toString()), names);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "pattern " + regex + " is not a valid regular expression: " + e.getDescription(), e);
    }
  }

  /** The group names as written. */
  List<String> names() {
    return names;
  }

  @Override
  public Map<String, Double> parse(String line) {
    Map<String, Double> values = new LinkedHashMap<>();
    Matcher m = pattern.matcher(line);
    while (m.find()) {
      for (int i = 0; i < names.size(); i++) {
        Double value = Numbers.parse(m.group("g" + i));
        if (value != null) {
          values.put(names.get(i), value);
        }
      }
    }
    return values;
  }
}
