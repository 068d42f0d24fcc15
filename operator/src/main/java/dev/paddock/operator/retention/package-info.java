/**
 * What a study cleans up, as a pure function of its trials and the clock: Trial records beyond
 * {@code keepTrials} (worst first, never an archived or deployed one) and the artifacts of trials
 * that were not archived, once older than {@code artifactTTLDays}. A dry run only reports. The
 * local runner and the operator apply the same plan.
 */
package dev.paddock.operator.retention;
