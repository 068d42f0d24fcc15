package dev.paddock.operator.search;

/**
 * One searchable parameter, mirroring an entry of {@code spec.search.parameters}: exactly one of
 * {@code float}, {@code int} or {@code categorical}.
 */
public sealed interface ParameterSpec permits NumericParameter, CategoricalParameter {

  String name();

  /**
   * The canonical text of a value of this parameter.
   *
   * @throws IllegalArgumentException with a readable message when the value is outside the
   *     parameter (wrong type, out of range, off the step grid, unknown choice)
   */
  String canonical(String raw);

  /** A draw from the parameter's prior: uniform, or log-uniform for log parameters. */
  String sample(TrialRandom random);

  /** How many distinct values there are, or -1 when the parameter is continuous. */
  long gridSize();

  /** The value at {@code position} of the grid, in ascending (or listed) order. */
  String gridValue(long position);

  /** Checks that a name is usable as a parameter, an environment key and a template field. */
  static String checkName(String name) {
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_.-]{0,62}")) {
      throw new IllegalArgumentException(
          "parameter name must start with a letter or '_' and use letters, digits, '_', '.', '-'"
              + " (at most 63 characters), got '"
              + name
              + "'");
    }
    return name;
  }
}
