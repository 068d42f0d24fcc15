package dev.paddock.operator.rollout;

/**
 * The model a deployment's source offers now.
 *
 * @param best the best eligible model; null when there is none (then reason and message say why)
 * @param pinned true for a model pinned by hand: it is served as given, without gates
 * @param reason a CamelCase reason when there is no model (e.g. NoArchivedModel)
 * @param message the reason in words
 */
public record Source(Slot best, boolean pinned, String reason, String message) {

  public static Source archived(Slot best) {
    return new Source(best, false, null, null);
  }

  public static Source pinned(Slot model) {
    return new Source(model, true, null, null);
  }

  public static Source none(String reason, String message) {
    return new Source(null, false, reason, message);
  }
}
