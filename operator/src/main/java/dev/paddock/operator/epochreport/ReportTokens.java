package dev.paddock.operator.epochreport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens that let a trial's pod report for that trial only: {@code v2.<uid>.} + base64url(HMAC-
 * SHA256(key, "namespace/name/uid")), where uid is the Trial object's UID. Binding the UID means a
 * token dies with its Trial: a study deleted and re-created under the same name (or another study
 * whose trial names collide, {@code s-g2-0} of study {@code s} and of study {@code s-g2}) has new
 * Trials with new UIDs, which an old pod's token does not match. The key lives in a Secret
 * (cluster) or in memory (local runner); verifying needs nothing else, so a restarted operator
 * accepts the tokens it issued before. Whether the trial is still running is the listener's to say.
 */
public final class ReportTokens {

  private static final String PREFIX = "v2.";
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  public ReportTokens(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("a report key needs at least 32 bytes, got " + key.length);
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
  }

  /** A fresh random key, for a process that issues and verifies its own tokens. */
  public static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /** A token for the trial object with this UID. */
  public String issue(TrialRef trial, String uid) {
    if (uid == null || uid.isBlank() || uid.contains(".")) {
      throw new IllegalArgumentException("not a trial UID: '" + uid + "'");
    }
    return PREFIX
        + uid
        + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(trial, uid));
  }

  /**
   * The UID of the trial object the token was issued for, when it was issued for this trial by this
   * key (checked in constant time); empty otherwise.
   */
  public Optional<String> verify(TrialRef trial, String token) {
    if (token == null || !token.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int dot = token.indexOf('.', PREFIX.length());
    if (dot <= PREFIX.length()) {
      return Optional.empty();
    }
    String uid = token.substring(PREFIX.length(), dot);
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return MessageDigest.isEqual(given, mac(trial, uid)) ? Optional.of(uid) : Optional.empty();
  }

  private byte[] mac(TrialRef trial, String uid) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal((trial + "/" + uid).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }
}
