package dev.paddock.testsupport.kubelet;

import java.util.Map;

/**
 * The kubelet's {@code $(VAR)} expansion of commands, args and env values: {@code $(NAME)} becomes
 * the variable's value when it is defined and stays as written when not; {@code $$} is an escaped
 * {@code $}.
 */
final class VarExpansion {

  private VarExpansion() {}

  static String expand(String input, Map<String, String> variables) {
    if (input == null || input.indexOf('$') < 0) {
      return input;
    }
    StringBuilder out = new StringBuilder(input.length());
    int i = 0;
    while (i < input.length()) {
      char c = input.charAt(i);
      if (c != '$' || i + 1 >= input.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = input.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
        continue;
      }
      int close = next == '(' ? input.indexOf(')', i + 2) : -1;
      if (close < 0) {
        out.append(c);
        i++;
        continue;
      }
      String name = input.substring(i + 2, close);
      String value = variables.get(name);
      // An undefined variable is left as written, as the kubelet does.
      out.append(value != null ? value : input.substring(i, close + 1));
      i = close + 1;
    }
    return out.toString();
  }
}
