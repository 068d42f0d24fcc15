package dev.paddock.testsupport.kubelet;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as the API's metav1.Time carries them (RFC 3339, whole seconds). */
final class Times {

  private Times() {}

  static String now() {
    return of(Instant.now());
  }

  static String of(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
