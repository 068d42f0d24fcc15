package dev.paddock.operator.search;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The parameters of a study, in the order the spec lists them. */
public record SearchSpace(List<ParameterSpec> parameters) {

  public SearchSpace {
    parameters = List.copyOf(parameters);
    Set<String> names = new HashSet<>();
    for (ParameterSpec p : parameters) {
      if (!names.add(p.name())) {
        throw new IllegalArgumentException("parameter '" + p.name() + "' is listed twice");
      }
    }
  }

  public static SearchSpace of(ParameterSpec... parameters) {
    return new SearchSpace(List.of(parameters));
  }

  public Optional<ParameterSpec> parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** True when every parameter has finitely many values. */
  public boolean isFinite() {
    return parameters.stream().allMatch(p -> p.gridSize() > 0);
  }

  /** The number of grid points, or empty when a parameter is continuous. */
  public Optional<BigInteger> gridSize() {
    BigInteger size = BigInteger.ONE;
    for (ParameterSpec p : parameters) {
      if (p.gridSize() < 0) {
        return Optional.empty();
      }
      size = size.multiply(BigInteger.valueOf(p.gridSize()));
    }
    return Optional.of(size);
  }

  /**
   * Canonicalizes a (possibly partial) parameter set: every key must be a parameter of this space
   * and every value inside it. The result keeps the space's order.
   */
  public Map<String, String> canonical(Map<String, String> values) {
    for (String key : values.keySet()) {
      if (parameter(key).isEmpty()) {
        throw new IllegalArgumentException("unknown parameter '" + key + "'");
      }
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (ParameterSpec p : parameters) {
      String raw = values.get(p.name());
      if (raw != null) {
        result.put(p.name(), p.canonical(raw));
      }
    }
    return result;
  }

  /**
   * The canonical form of an observed parameter set, or empty when it does not belong to this space
   * (missing a parameter, or a value outside it): such trials are ignored by the samplers.
   */
  public Optional<Map<String, String>> canonicalComplete(Map<String, String> values) {
    Map<String, String> result = new LinkedHashMap<>();
    for (ParameterSpec p : parameters) {
      String raw = values.get(p.name());
      if (raw == null) {
        return Optional.empty();
      }
      try {
        result.put(p.name(), p.canonical(raw));
      } catch (IllegalArgumentException outside) {
        return Optional.empty();
      }
    }
    return Optional.of(result);
  }
}
