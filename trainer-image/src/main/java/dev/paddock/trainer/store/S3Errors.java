package dev.paddock.trainer.store;

import dev.paddock.trainer.util.TrainerException;
import io.minio.errors.ErrorResponseException;
import java.util.Set;

/** Classifies S3 failures: refused credentials and missing objects are user errors. */
final class S3Errors {

  private static final Set<String> CREDENTIALS =
      Set.of(
          "AccessDenied",
          "InvalidAccessKeyId",
          "SignatureDoesNotMatch",
          "InvalidToken",
          "ExpiredToken");
  private static final Set<String> MISSING = Set.of("NoSuchKey", "NoSuchBucket", "NoSuchObject");

  private S3Errors() {}

  static boolean isMissing(Exception e) {
    return e instanceof ErrorResponseException er && MISSING.contains(er.errorResponse().code());
  }

  static TrainerException classify(String action, String uri, Exception e) {
    if (e instanceof TrainerException te) {
      return te;
    }
    if (e instanceof ErrorResponseException er) {
      String code = er.errorResponse().code();
      if (CREDENTIALS.contains(code)) {
        return TrainerException.user(
            action + " " + uri + ": credentials refused (" + code + ")", e);
      }
      if (MISSING.contains(code)) {
        return TrainerException.user(action + " " + uri + ": not found (" + code + ")", e);
      }
      return TrainerException.retryable(action + " " + uri + ": " + code, e);
    }
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return TrainerException.retryable(
        action + " " + uri + ": store unreachable (" + msg.lines().findFirst().orElse("") + ")", e);
  }
}
