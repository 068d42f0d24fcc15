package dev.paddock.operator.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters for the trial with index {@code index}.
 *
 * @param parameters canonical values in the search space's order (stable for byte-equal output)
 * @param origin how it was chosen: {@code initial}, {@code grid}, {@code random}, {@code startup}
 *     (TPE's random phase), {@code tpe} or {@code ensemble}
 */
public record Suggestion(long index, Map<String, String> parameters, String origin) {
  public Suggestion {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** The same parameters as a running trial, so the next suggestion accounts for it. */
  public TrialObservation asRunning() {
    return TrialObservation.running(index, parameters);
  }
}
