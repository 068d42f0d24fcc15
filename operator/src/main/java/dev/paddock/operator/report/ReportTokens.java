package dev.paddock.operator.report;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens that let a trial's pod report for that trial only: {@code v1.} + base64url(HMAC-SHA256
 * (key, "namespace/name")). The key lives in a Secret (cluster) or in memory (local runner);
 * verifying needs nothing else, so a restarted operator accepts the tokens it issued before.
 */
public final class ReportTokens {

  private static final String PREFIX = "v1.";
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

  public String issue(TrialRef trial) {
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(trial));
  }

  /** Constant-time check that the token was issued for this trial. */
  public boolean verify(TrialRef trial, String token) {
    if (token == null || !token.startsWith(PREFIX)) {
      return false;
    }
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(token.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(given, mac(trial));
  }

  private byte[] mac(TrialRef trial) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(trial.toString().getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }
}
