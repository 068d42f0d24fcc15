package dev.paddock.operator.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code spec.search.ensemble}: run one parameter set {@code size} times, varying only the seed.
 * Member {@code j} (0-based) gets {@code seedParameter = studySeed + j}.
 *
 * @param parameters the fixed parameters every member shares
 * @param seedParameter the parameter that carries each member's seed (default {@code seed})
 */
public record EnsembleSettings(int size, Map<String, String> parameters, String seedParameter) {

  public EnsembleSettings {
    if (size < 1) {
      throw new IllegalArgumentException("ensemble.size must be >= 1, got " + size);
    }
    parameters = Map.copyOf(Objects.requireNonNullElse(parameters, Map.of()));
    seedParameter = seedParameter == null || seedParameter.isBlank() ? "seed" : seedParameter;
    ParameterSpec.checkName(seedParameter);
    if (parameters.containsKey(seedParameter)) {
      throw new IllegalArgumentException(
          "ensemble.parameters must not set the seed parameter '" + seedParameter + "'");
    }
  }

  /** The seed value of member {@code member}. */
  public String memberSeed(long studySeed, int member) {
    return ValueFormat.formatInt(studySeed + member);
  }

  /** The full parameter set of one member, fixed parameters first (sorted), then the seed. */
  public Map<String, String> memberParameters(
      Map<String, String> fixedCanonical, long studySeed, int member) {
    Map<String, String> result = new LinkedHashMap<>(fixedCanonical);
    result.put(seedParameter, memberSeed(studySeed, member));
    return result;
  }
}
