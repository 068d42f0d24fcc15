package dev.paddock.operator.study;

/**
 * A study spec the schema let through but Paddock cannot run, e.g. a warm-start entry naming an
 * unknown parameter. The message names the field, for a status condition or a terminal error.
 */
public final class InvalidStudyException extends RuntimeException {
  public InvalidStudyException(String message, Throwable cause) {
    super(message, cause);
  }
}
