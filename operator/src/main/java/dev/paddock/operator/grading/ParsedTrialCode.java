package dev.paddock.operator.grading;

import java.time.LocalDate;
import java.util.Map;

/**
 * A trial code read back through its template.
 *
 * @param grade null when the template has no {@code {grade}}
 * @param date null when the template has no {@code {date}}
 * @param index the {@code {index}} field, else the collision suffix's index, else null
 * @param objective the {@code {objective}} field, decoded (2 significant digits); may be null
 * @param fields every field's text as it appears in the code
 * @param parameters decoded parameter values: ints exact, floats to 2 significant digits,
 *     categoricals the choice the field names (left out when two choices share a spelling)
 * @param collisionSuffix true when the code carries a collision suffix
 */
public record ParsedTrialCode(
    Grade grade,
    LocalDate date,
    Long index,
    Double objective,
    Map<String, String> fields,
    Map<String, String> parameters,
    boolean collisionSuffix) {}
