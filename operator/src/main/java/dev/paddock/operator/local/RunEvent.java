package dev.paddock.operator.local;

import java.time.Instant;
import java.util.Map;

/**
 * A notable moment of a local run.
 *
 * @param type trial-started, trial-finished, trial-retrying, study-finished, study-interrupted,
 *     archive-skipped, parallelism-capped, retention, report-written
 * @param fields what a script may want: trial, phase, objective, grade, code, reason, message
 */
public record RunEvent(Instant time, String type, Map<String, Object> fields) {}
