package dev.paddock.operator.search;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A parameter chosen from listed strings: {@code {name, categorical: [..]}}. Choices may be any
 * text, including architecture strings such as {@code "512,256,128"}; they are never reordered.
 */
public record CategoricalParameter(String name, List<String> choices) implements ParameterSpec {

  public CategoricalParameter {
    ParameterSpec.checkName(name);
    choices = List.copyOf(Objects.requireNonNull(choices, name + ": choices"));
    if (choices.isEmpty()) {
      throw new IllegalArgumentException(name + ": categorical needs at least one choice");
    }
    if (new HashSet<>(choices).size() != choices.size()) {
      throw new IllegalArgumentException(name + ": categorical choices must be distinct");
    }
  }

  public static CategoricalParameter of(String name, String... choices) {
    return new CategoricalParameter(name, List.of(choices));
  }

  @Override
  public String canonical(String raw) {
    if (!choices.contains(raw)) {
      throw new IllegalArgumentException(
          name + ": '" + raw + "' is not one of " + String.join(" | ", choices));
    }
    return raw;
  }

  @Override
  public String sample(TrialRandom random) {
    return choices.get(random.nextInt(choices.size()));
  }

  @Override
  public long gridSize() {
    return choices.size();
  }

  @Override
  public String gridValue(long position) {
    return choices.get(Math.toIntExact(position));
  }

  /** The position of a value among the choices, or -1. */
  public int indexOf(String value) {
    return choices.indexOf(value);
  }
}
