package dev.paddock.operator.manifest;

import java.util.List;

/**
 * A manifest that {@code paddock run} refuses, with the message the API server would give (for a
 * manifest it would refuse) or a plain explanation (for a file that is not a Paddock manifest).
 */
public class InvalidManifestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<FieldError> errors;

  /** A file that could not be read as a manifest at all. */
  public InvalidManifestException(String message) {
    this(message, List.of(), null);
  }

  InvalidManifestException(String message, Throwable cause) {
    this(message, List.of(), cause);
  }

  /** A manifest refused for the given field errors. */
  public InvalidManifestException(String message, List<FieldError> errors) {
    this(message, errors, null);
  }

  private InvalidManifestException(String message, List<FieldError> errors, Throwable cause) {
    super(message, cause);
    this.errors = List.copyOf(errors);
  }

  /** The field errors behind the refusal; empty when the file is not a manifest at all. */
  public List<FieldError> errors() {
    return errors;
  }
}
