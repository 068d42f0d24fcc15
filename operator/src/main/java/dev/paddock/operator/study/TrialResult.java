package dev.paddock.operator.study;

import dev.paddock.operator.grading.Grade;

/**
 * A finished trial's verdict.
 *
 * @param objective the best objective over its epochs (null when it never reported one)
 * @param grade its letter (F when it has no objective)
 * @param code its readable, study-unique code
 */
public record TrialResult(Double objective, Grade grade, String code) {}
