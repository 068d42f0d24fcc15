package dev.paddock.operator.retention;

import java.time.Instant;

/**
 * A finished trial as retention sees it.
 *
 * @param objective null when it has none (failed): such trials go first
 * @param finished when it ended
 * @param protectedFromDeletion archived or deployed: never removed
 */
public record RetainedTrial(
    String name, long index, Double objective, Instant finished, boolean protectedFromDeletion) {}
