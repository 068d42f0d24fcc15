package dev.paddock.operator.manifest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a manifest's YAML into the plain tree (maps, lists, strings, booleans, longs, doubles) that
 * the API server decodes from what kubectl sends.
 *
 * <p>kubectl reads YAML 1.1 (so {@code yes} is a boolean and {@code 1e-5} a float, but a date stays
 * a string), turns it into JSON, and the server decodes every JSON number without a fraction or an
 * exponent as an int64. JSON writes an integral float such as {@code 10.0} as {@code 10}, so here
 * too every integral number within the int64 range becomes a {@link Long}, and every other number a
 * {@link Double}.
 */
final class ManifestYaml {

  private ManifestYaml() {}

  /** The one YAML document in {@code text}, as a JSON-like tree. */
  static Object parse(String text, String source) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Yaml yaml =
        new Yaml(
            new SafeConstructor(options),
            new Representer(new DumperOptions()),
            new DumperOptions(),
            options,
            new KubectlResolver());
    List<Object> documents = new ArrayList<>();
    try {
      Iterator<Object> all = yaml.loadAll(text).iterator();
      while (all.hasNext()) {
        Object document = all.next();
        if (document != null) {
          documents.add(document);
        }
      }
    } catch (YAMLException e) {
      throw new InvalidManifestException(source + " is not valid YAML: " + e.getMessage(), e);
    }
    if (documents.size() != 1) {
      throw new InvalidManifestException(
          source
              + " must hold exactly one YAML document (a TrainingStudy or a ModelDeployment), found "
              + documents.size());
    }
    return asJson(documents.get(0), source);
  }

  /** A YAML value as the server decodes it from JSON: longs for integral numbers, else doubles. */
  static Object asJson(Object value, String source) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> object = new LinkedHashMap<>();
      map.forEach((k, v) -> object.put(String.valueOf(k), asJson(v, source)));
      return object;
    }
    if (value instanceof List<?> list) {
      List<Object> array = new ArrayList<>(list.size());
      list.forEach(item -> array.add(asJson(item, source)));
      return array;
    }
    if (value instanceof Number number) {
      return asJsonNumber(number, source);
    }
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    throw new InvalidManifestException(
        source + " holds a value that JSON cannot carry: " + value.getClass().getSimpleName());
  }

  private static Object asJsonNumber(Number number, String source) {
    if (number instanceof Integer || number instanceof Long) {
      return number.longValue();
    }
    if (number instanceof BigInteger big) {
      return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
    }
    double d = number.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new InvalidManifestException(
          source + " holds " + number + ", a number that JSON cannot carry");
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      BigInteger integral = new BigDecimal(d).toBigInteger();
      if (integral.bitLength() < 64) {
        return integral.longValue();
      }
    }
    return d;
  }

  /** YAML 1.1 implicit types as kubectl resolves them: no timestamps. */
  private static final class KubectlResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
      addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
      addImplicitResolver(Tag.NULL, EMPTY, null, 10);
    }
  }
}
