package dev.paddock.contract.store;

/**
 * The artifact store could not serve a request: unreachable, an I/O failure, refused credentials, a
 * missing object or bucket, or a store that is not set up. The message names the location, never
 * the credentials, and nothing half-written is left visible.
 */
public final class StoreUnavailableException extends RuntimeException {

  private final boolean retryable;

  /** A failure that may pass when the same request is tried again (an outage). */
  public StoreUnavailableException(String message, Throwable cause) {
    this(message, cause, true);
  }

  public StoreUnavailableException(String message, Throwable cause, boolean retryable) {
    super(message, cause);
    this.retryable = retryable;
  }

  /**
   * Whether the same request may succeed later with nothing changed: false for refused credentials,
   * a missing object and a store that is not set up, which need someone to act.
   */
  public boolean retryable() {
    return retryable;
  }
}
