package dev.paddock.operator.epochreport;

import java.util.Objects;

/** A trial by namespace and name, written {@code namespace/name} (PADDOCK_TRIAL). */
public record TrialRef(String namespace, String name) {

  public TrialRef {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (namespace.isBlank() || name.isBlank() || namespace.contains("/") || name.contains("/")) {
      throw new IllegalArgumentException("not a trial reference: " + namespace + "/" + name);
    }
  }

  /** Parses {@code namespace/name}. */
  public static TrialRef parse(String text) {
    int slash = text == null ? -1 : text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("trial must be namespace/name, got '" + text + "'");
    }
    return new TrialRef(text.substring(0, slash), text.substring(slash + 1));
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
