package dev.paddock.operator.manifest;

/** Field paths written as the API server writes them: {@code spec.search.parameters[1].name}. */
final class Paths {

  private Paths() {}

  /** A named field below {@code parent}; the root is the empty path. */
  static String child(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  /** An item of a list. */
  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** An entry of a map, as the CEL validator names it ({@code field.Path.Key}). */
  static String key(String parent, String key) {
    return parent + "[" + key + "]";
  }

  /** A path as a rule's error shows it: the root prints as Go prints a nil {@code field.Path}. */
  static String shown(String path) {
    return path.isEmpty() ? "<nil>" : path;
  }
}
