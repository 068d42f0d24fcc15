package dev.paddock.operator.manifest;

import dev.cel.common.CelErrorCode;
import dev.cel.common.CelException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words a CEL evaluation error as the API server (cel-go) does, since cel-java words the same
 * failures differently: {@code no such key: parallelism evaluating rule: <message>}.
 */
final class CelErrors {

  private static final Pattern MISSING_KEY = Pattern.compile("key '(.*)' is not present in map");
  private static final Pattern LOCATION_PREFIX =
      Pattern.compile("^evaluation error(?: at [^:]*:\\d+)?: ");

  private CelErrors() {}

  /** The detail of a rule that could not be evaluated, for the rule's {@code errorString}. */
  static String describeRuleError(Exception error, String ruleErrorString) {
    String cause = goMessage(error);
    if (cause.startsWith("no such overload")) {
      return "'"
          + cause
          + "': call arguments did not match a supported operator, function or macro signature"
          + " for rule: "
          + ruleErrorString;
    }
    return cause + " evaluating rule: " + ruleErrorString;
  }

  /** cel-go's words for an evaluation error. */
  static String goMessage(Exception error) {
    String message = error.getMessage() == null ? "" : error.getMessage();
    Matcher missingKey = MISSING_KEY.matcher(message);
    if (missingKey.find()) {
      return "no such key: " + missingKey.group(1);
    }
    CelErrorCode code = error instanceof CelException cel ? cel.getErrorCode() : null;
    if (code == CelErrorCode.DIVIDE_BY_ZERO) {
      return message.contains("modulus") ? "modulus by zero" : "division by zero";
    }
    if (code == CelErrorCode.NUMERIC_OVERFLOW) {
      return "integer overflow";
    }
    if (code == CelErrorCode.OVERLOAD_NOT_FOUND) {
      return "no such overload";
    }
    return LOCATION_PREFIX.matcher(message).replaceFirst("");
  }
}
