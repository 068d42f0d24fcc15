package dev.paddock.api.v1alpha1;

/** Names shared by the API types. */
public final class Api {
  public static final String GROUP = "paddock.dev";
  public static final String VERSION = "v1alpha1";

  /** Identifier rules shared by parameter and metric names (usable in a code template). */
  public static final String IDENTIFIER = "^[a-z][a-z0-9_]*$";

  private Api() {}
}
