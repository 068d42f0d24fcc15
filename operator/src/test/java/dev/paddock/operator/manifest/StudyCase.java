package dev.paddock.operator.manifest;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A generated TrainingStudy manifest: a valid study, written in one of its equivalent forms ({@link
 * Variants}), with zero or more defects applied.
 */
record StudyCase(Map<String, Object> resource, List<Defect> variants, List<Defect> defects) {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** Valid studies and studies with one to three defects, about a quarter of them valid. */
  static Arbitrary<StudyCase> cases() {
    return Combinators.combine(
            StudyGenerator.studies(),
            Variants.any().list().ofMaxSize(2),
            StudyDefects.any().list().ofMaxSize(3))
        .as(StudyCase::of);
  }

  @SuppressWarnings("unchecked")
  static StudyCase of(Map<String, Object> study, List<Defect> variants, List<Defect> defects) {
    Map<String, Object> resource = (Map<String, Object>) StudyFixture.mutable(study);
    variants.forEach(v -> v.applyTo(resource));
    defects.forEach(d -> d.applyTo(resource));
    return new StudyCase(resource, List.copyOf(variants), List.copyOf(defects));
  }

  /** The manifest as a user writes it, a fresh tree for each validator (they change it). */
  String yaml() {
    return SERIALIZATION.asYaml(resource);
  }

  /**
   * What {@code kubectl apply} sends for {@link #yaml()}: the same tree, with every integral float
   * written as an integer, as Go's JSON encoder writes a float64 such as {@code 10.0} ({@code 10}).
   */
  Object kubectlBody() {
    return asGoJson(resource);
  }

  private static Object asGoJson(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), asGoJson(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(StudyCase::asGoJson).toList();
    }
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.2e18) {
      return d.longValue();
    }
    return value;
  }

  String name() {
    return resource.get("metadata") instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : "";
  }
}
