package dev.paddock.operator.retention;

/**
 * {@code spec.retention}.
 *
 * @param keepTrials null: keep every trial record
 * @param artifactTtlDays null: keep every artifact
 */
public record RetentionPolicy(Integer keepTrials, Integer artifactTtlDays, boolean dryRun) {
  public static final RetentionPolicy KEEP_EVERYTHING = new RetentionPolicy(null, null, false);
}
