package dev.paddock.trainer.util;

import dev.paddock.contract.store.StoreUnavailableException;

/**
 * A failure the trainer reports with a one-line message and an exit code. {@link #retryable()}
 * tells an operator whether running the same trial again can help (an unreachable store) or not (a
 * missing label column).
 */
public class TrainerException extends RuntimeException {

  /** Exit code for user errors: bad data, bad arguments, refused credentials. Not retryable. */
  public static final int EXIT_USER = 2;

  /** Exit code for infrastructure errors: store unreachable, I/O failures. Retryable. */
  public static final int EXIT_RETRYABLE = 3;

  private final boolean retryable;

  protected TrainerException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** A user error: retrying the same trial gives the same failure. */
  public static TrainerException user(String message) {
    return new TrainerException(message, false, null);
  }

  /** A user error with its cause. */
  public static TrainerException user(String message, Throwable cause) {
    return new TrainerException(message, false, cause);
  }

  /** An infrastructure error: the same trial may succeed when retried. */
  public static TrainerException retryable(String message, Throwable cause) {
    return new TrainerException(message, true, cause);
  }

  /** A store failure: a user error when retrying cannot help (refused credentials, no object). */
  public static TrainerException of(StoreUnavailableException e) {
    return new TrainerException(e.getMessage(), e.retryable(), e);
  }

  public boolean retryable() {
    return retryable;
  }

  public int exitCode() {
    return retryable ? EXIT_RETRYABLE : EXIT_USER;
  }
}
