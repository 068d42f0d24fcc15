package dev.paddock.operator.archive;

/**
 * The artifact store could not be reached or refused the request (credentials, permissions):
 * retryable, and nothing half-written is left visible.
 */
public final class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
