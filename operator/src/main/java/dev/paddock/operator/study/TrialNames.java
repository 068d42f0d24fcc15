package dev.paddock.operator.study;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic trial names, {@code <study>-<index>} (for a scheduled study's later runs {@code
 * <study>-g<run>-<index>}), so a restarted operator finds the trials it created instead of creating
 * them again. A name is also a Job name and a label value, so it stays within 63 characters: a long
 * study name is cut and given a short hash of itself.
 */
public final class TrialNames {

  public static final int MAX_LENGTH = 63;

  private TrialNames() {}

  public static String of(String study, long index) {
    return withSuffix(study, "-" + index);
  }

  /**
   * The name of a trial of a scheduled study's later run: {@code <study>-g<generation>-<index>};
   * the first run's trials keep {@code <study>-<index>}.
   */
  public static String of(String study, int generation, long index) {
    return generation <= 1 ? of(study, index) : withSuffix(study, "-g" + generation + "-" + index);
  }

  private static String withSuffix(String study, String suffix) {
    if (study.length() + suffix.length() <= MAX_LENGTH) {
      return study + suffix;
    }
    String hash = "-" + shortHash(study);
    String prefix = study.substring(0, MAX_LENGTH - suffix.length() - hash.length());
    return trimDashes(prefix) + hash + suffix;
  }

  private static String trimDashes(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '-' || text.charAt(end - 1) == '.')) {
      end--;
    }
    return text.substring(0, end);
  }

  private static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 3);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
