package dev.paddock.testsupport.kubelet;

/**
 * A container cannot be started yet (a missing Secret key, an unknown image): the kubelet's {@code
 * CreateContainerConfigError}/{@code ErrImagePull}, retried until it resolves.
 */
final class ContainerConfigException extends Exception {

  private final String reason;

  ContainerConfigException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** The waiting reason the container's status shows. */
  String reason() {
    return reason;
  }
}
