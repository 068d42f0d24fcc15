package dev.paddock.contract;

import java.util.Map;

/**
 * The kubelet's expansion of {@code $(VAR)} in a container's command, args and env values
 * (Kubernetes' {@code third_party/forked/golang/expansion}), so that a local run passes a trainer
 * exactly the words a pod's trainer gets:
 *
 * <ul>
 *   <li>{@code $(NAME)} becomes the variable's value when it is defined, and stays as written when
 *       it is not;
 *   <li>{@code $$} is an escaped {@code $}: {@code $$(NAME)} gives a literal {@code $(NAME)};
 *   <li>any other {@code $} (a {@code $} at the end, {@code $VAR}, {@code ${VAR}}, an unterminated
 *       {@code $(}) is copied as it is.
 * </ul>
 */
public final class VarExpansion {

  private VarExpansion() {}

  public static String expand(String input, Map<String, String> variables) {
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
      } else {
        i = expandAt(input, i, variables, out);
      }
    }
    return out.toString();
  }

  /** Expands the operator at {@code i} (not the last character); returns where to go on. */
  private static int expandAt(
      String input, int i, Map<String, String> variables, StringBuilder out) {
    char next = input.charAt(i + 1);
    if (next == '$') {
      out.append('$');
      return i + 2;
    }
    if (next != '(') {
      out.append('$').append(next);
      return i + 2;
    }
    int close = input.indexOf(')', i + 2);
    if (close < 0) {
      // An incomplete reference: "$(" is copied and the rest is read on.
      out.append("$(");
      return i + 2;
    }
    String name = input.substring(i + 2, close);
    String value = variables.get(name);
    out.append(value != null ? value : "$(" + name + ")");
    return close + 1;
  }
}
