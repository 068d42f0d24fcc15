package dev.paddock.operator.manifest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The one normalisation of the differential test: the order of the errors inside a refusal's
 * brackets. The API server validates an object's properties in Go map order (its OpenAPI validator
 * and its CEL validator both range over maps), which is random, so the same manifest refused twice
 * can list its errors in two orders. Everything else is compared as is: the whole message must be
 * the local one with its errors permuted.
 */
final class ErrorOrder {

  private ErrorOrder() {}

  /**
   * {@code server} itself when it is {@code local} with the bracketed errors in another order (each
   * error the same text, each once), else {@code server} unchanged, so that a comparison with
   * {@code local} fails and shows both.
   *
   * @param errors the local refusal's errors, as {@link Refusals#message} joins them
   */
  static String asLocal(String server, String local, List<FieldError> errors) {
    List<String> messages = new ArrayList<>(new LinkedHashSet<>(messages(errors)));
    int open = local.indexOf(": [");
    if (messages.size() < 2 || open < 0 || !local.endsWith("]")) {
      return server;
    }
    String prefix = local.substring(0, open + 3);
    if (!server.startsWith(prefix) || !server.endsWith("]")) {
      return server;
    }
    String inner = server.substring(prefix.length(), server.length() - 1);
    return isPermutation(inner, messages) ? local : server;
  }

  private static List<String> messages(List<FieldError> errors) {
    return errors.stream().map(FieldError::message).toList();
  }

  /** Whether {@code text} is every one of {@code messages}, in some order, joined by ", ". */
  private static boolean isPermutation(String text, List<String> messages) {
    if (messages.isEmpty()) {
      return text.isEmpty();
    }
    for (int i = 0; i < messages.size(); i++) {
      String first = messages.get(i);
      String separator = messages.size() == 1 ? "" : ", ";
      if (text.startsWith(first + separator)) {
        List<String> rest = new ArrayList<>(messages);
        rest.remove(i);
        if (isPermutation(text.substring(first.length() + separator.length()), rest)) {
          return true;
        }
      }
    }
    return false;
  }
}
