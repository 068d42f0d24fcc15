package dev.paddock.testsupport;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One edit of the live-edit corpus ({@code crds/src/test/resources/edits/}): a JSON merge patch
 * (RFC 7386) of the quickstart study, and the field errors the API server's refusal must hold
 * ({@code # expect:} lines; none for an edit a live study accepts). {@code CrdValidationIT} applies
 * each to a real API server and the local runner's tests to a store, so both hold the same words.
 */
public record StudyEdit(String name, Map<String, Object> patch, List<String> expectations) {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** The edits under {@code dir}, sorted by file name. */
  public static List<StudyEdit> under(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".yaml"))
          .sorted()
          .map(StudyEdit::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static StudyEdit read(Path file) {
    try {
      String text = Files.readString(file);
      @SuppressWarnings("unchecked")
      Map<String, Object> patch = SERIALIZATION.unmarshal(text, Map.class);
      List<String> expectations =
          text.lines()
              .filter(l -> l.startsWith("# expect:"))
              .map(l -> l.substring("# expect:".length()).trim())
              .toList();
      String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
      return new StudyEdit(name, patch, expectations);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code target} with this edit applied (a deep copy; {@code target} is left as it is). */
  public Map<String, Object> applyTo(Map<String, Object> target) {
    return merge(copy(target), patch);
  }

  @Override
  public String toString() {
    return name;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> merge(Map<String, Object> target, Map<String, Object> patch) {
    patch.forEach(
        (key, value) -> {
          if (value == null) {
            target.remove(key);
          } else if (value instanceof Map<?, ?> map && target.get(key) instanceof Map<?, ?> old) {
            target.put(key, merge((Map<String, Object>) old, (Map<String, Object>) map));
          } else {
            target.put(key, copy(value));
          }
        });
    return target;
  }

  @SuppressWarnings("unchecked")
  private static <T> T copy(T value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
      return (T) copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(item -> copy.add(copy(item)));
      return (T) copy;
    }
    return value;
  }
}
