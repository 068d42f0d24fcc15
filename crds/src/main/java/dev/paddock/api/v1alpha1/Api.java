package dev.paddock.api.v1alpha1;

/** Names shared by the API types. */
public final class Api {
  public static final String GROUP = "paddock.dev";
  public static final String VERSION = "v1alpha1";

  /** Identifier rules shared by parameter and metric names (usable in a code template). */
  public static final String IDENTIFIER = "^[a-z][a-z0-9_]*$";

  /** The end of a transition rule's message for a plural subject (see {@link #IMMUTABLE}). */
  public static final String FIXED = " immutable once the study exists: create a new study";

  /**
   * The end of the message of a transition rule that keeps a field of a study fixed: a study whose
   * objective, search or trials change would mix two studies' trials in one history.
   */
  public static final String IMMUTABLE = " is" + FIXED;

  private Api() {}
}
