package dev.paddock.contract.store;

import io.minio.errors.ErrorResponseException;
import java.util.Set;

/** Classifies S3 failures: refused credentials and missing objects are not retryable. */
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

  /** {@code cannot <action> <uri>: <why>}, with the S3 error code when there is one. */
  static StoreUnavailableException classify(String action, String uri, Exception e) {
    if (e instanceof StoreUnavailableException known) {
      return known;
    }
    String prefix = "cannot " + action + " " + uri + ": ";
    if (e instanceof ErrorResponseException er) {
      String code = er.errorResponse().code();
      if (CREDENTIALS.contains(code)) {
        return new StoreUnavailableException(
            prefix + "credentials refused (" + code + ")", e, false);
      }
      if (MISSING.contains(code)) {
        return new StoreUnavailableException(prefix + "not found (" + code + ")", e, false);
      }
      return new StoreUnavailableException(
          prefix + code + " (" + er.errorResponse().message() + ")", e, true);
    }
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new StoreUnavailableException(
        prefix + "store unreachable (" + msg.lines().findFirst().orElse("") + ")", e, true);
  }
}
