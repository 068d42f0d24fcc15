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

  /**
   * The largest magnitude of an int parameter's bounds, 2^53: every integer up to it is exact as a
   * double (TPE models values as doubles) and max - min cannot overflow a long.
   */
  public static final double EXACT_INTEGER = 9007199254740992.0;

  /**
   * The largest magnitude of a float parameter's bounds: max - min stays finite, and the bound fits
   * an int64 (the server compares an integer value, e.g. {@code min: 0}, with the bound converted
   * to int64, and a bound beyond that range converts to MinInt64 and refuses every integer).
   */
  public static final double LARGEST_BOUND = 1e18;

  private Api() {}
}
