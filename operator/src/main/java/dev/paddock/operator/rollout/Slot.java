package dev.paddock.operator.rollout;

import dev.paddock.operator.grading.Grade;
import java.time.Instant;

/** A model in a serving slot. */
public record Slot(
    String code, String trial, Grade grade, double objective, String uri, Instant since) {}
