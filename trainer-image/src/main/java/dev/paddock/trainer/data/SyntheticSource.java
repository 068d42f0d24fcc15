package dev.paddock.trainer.data;

import dev.paddock.trainer.util.TrainerException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Built-in deterministic datasets, so tests and examples never download anything. URIs look like
 * {@code synthetic:moons?rows=2000&seed=7&noise=0.2}.
 *
 * <ul>
 *   <li>{@code friedman1}: regression, 10 inputs {@code x0..x9}, label {@code y}.
 *   <li>{@code moons}: binary, two interleaved half circles, inputs {@code x0,x1}, label {@code
 *       label}.
 *   <li>{@code blobs}: multiclass, {@code classes} Gaussian blobs in {@code dims} dimensions.
 *   <li>{@code races}: a race-results table (date, track, distance, odds, ...), binary label {@code
 *       won}, dated 2010-2024 for time splits and holdouts.
 *   <li>{@code linear}: binary, {@code dims} inputs, a noisy linear boundary (for benchmarks).
 * </ul>
 */
public final class SyntheticSource implements RowSource {

  private final String uri;
  private final String name;
  private final Map<String, String> args;
  private final long rows;
  private final long seed;

  public SyntheticSource(String uri) {
    this.uri = uri;
    String spec = uri.substring("synthetic:".length());
    int q = spec.indexOf('?');
    this.name = q < 0 ? spec : spec.substring(0, q);
    this.args = parseArgs(q < 0 ? "" : spec.substring(q + 1));
    this.rows = Long.parseLong(args.getOrDefault("rows", "1000"));
    this.seed = Long.parseLong(args.getOrDefault("seed", "1"));
    header();
  }

  private Map<String, String> parseArgs(String query) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String kv : query.split("&")) {
      if (kv.isBlank()) {
        continue;
      }
      String[] p = kv.split("=", 2);
      if (p.length != 2) {
        throw TrainerException.user(uri + ": bad argument '" + kv + "'");
      }
      m.put(p[0], p[1]);
    }
    return m;
  }

  private int intArg(String key, int def) {
    return Integer.parseInt(args.getOrDefault(key, String.valueOf(def)));
  }

  private double doubleArg(String key, double def) {
    return Double.parseDouble(args.getOrDefault(key, String.valueOf(def)));
  }

  @Override
  public String describe() {
    return uri;
  }

  @Override
  public List<String> header() {
    List<String> h = new ArrayList<>();
    switch (name) {
      case "friedman1" -> {
        for (int i = 0; i < 10; i++) {
          h.add("x" + i);
        }
        h.add("y");
      }
      case "moons" -> h.addAll(List.of("x0", "x1", "label"));
      case "blobs", "linear" -> {
        for (int i = 0; i < intArg("dims", name.equals("linear") ? 6 : 4); i++) {
          h.add("x" + i);
        }
        h.add("label");
      }
      case "races" ->
          h.addAll(
              List.of(
                  "race_date",
                  "track",
                  "distance",
                  "odds",
                  "weight",
                  "age",
                  "form",
                  "draw",
                  "won"));
      default ->
          throw TrainerException.user(
              uri + ": unknown synthetic dataset (known: friedman1, moons, blobs, races, linear)");
    }
    return h;
  }

  @Override
  public void scan(RowVisitor visitor) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] blobCenters = blobCenters(new SplittableRandom(seed ^ 0x5DEECE66DL));
    double[] linearW = blobCenters(new SplittableRandom(seed ^ 0x9E3779B9L));
    ArrayRow row = new ArrayRow(header().size());
    for (long i = 0; i < rows; i++) {
      switch (name) {
        case "friedman1" -> friedman1(rnd, row.values);
        case "moons" -> moons(rnd, row.values);
        case "blobs" -> blobs(rnd, row.values, blobCenters);
        case "linear" -> linear(rnd, row.values, linearW);
        default -> races(rnd, row.values, i);
      }
      visitor.visit(i, row);
    }
  }

  private void friedman1(SplittableRandom r, String[] out) {
    double[] x = new double[10];
    for (int i = 0; i < 10; i++) {
      x[i] = r.nextDouble();
      out[i] = fmt(x[i]);
    }
    double y =
        10 * Math.sin(Math.PI * x[0] * x[1])
            + 20 * (x[2] - 0.5) * (x[2] - 0.5)
            + 10 * x[3]
            + 5 * x[4]
            + doubleArg("noise", 1.0) * gaussian(r);
    out[10] = fmt(y);
  }

  private void moons(SplittableRandom r, String[] out) {
    boolean upper = r.nextBoolean();
    double t = Math.PI * r.nextDouble();
    double noise = doubleArg("noise", 0.2);
    double x = upper ? Math.cos(t) : 1 - Math.cos(t);
    double y = upper ? Math.sin(t) : 0.5 - Math.sin(t);
    out[0] = fmt(x + noise * gaussian(r));
    out[1] = fmt(y + noise * gaussian(r));
    out[2] = upper ? "0" : "1";
  }

  private double[] blobCenters(SplittableRandom r) {
    int k = intArg("classes", 3);
    int d = intArg("dims", name.equals("linear") ? 6 : 4);
    double[] c = new double[k * d];
    for (int i = 0; i < c.length; i++) {
      c[i] = 6 * r.nextDouble() - 3;
    }
    return c;
  }

  private void blobs(SplittableRandom r, String[] out, double[] centers) {
    int k = intArg("classes", 3);
    int d = out.length - 1;
    int cls = r.nextInt(k);
    for (int j = 0; j < d; j++) {
      out[j] = fmt(centers[cls * d + j] + gaussian(r));
    }
    out[d] = "c" + cls;
  }

  private void linear(SplittableRandom r, String[] out, double[] w) {
    int d = out.length - 1;
    double s = 0;
    for (int j = 0; j < d; j++) {
      double x = gaussian(r);
      s += w[j] * x;
      out[j] = fmt(x);
    }
    out[d] = s + 0.5 * gaussian(r) > 0 ? "1" : "0";
  }

  private static final String[] TRACKS = {"ascot", "epsom", "york", "goodwood", "aintree"};

  private void races(SplittableRandom r, String[] out, long i) {
    LocalDate date = LocalDate.of(2010, 1, 1).plusDays((i * 5479L) / Math.max(1, rows));
    int track = r.nextInt(TRACKS.length);
    double distance = 1000 + 200 * r.nextInt(15);
    double odds = 1.5 + 30 * r.nextDouble() * r.nextDouble();
    double weight = 50 + 10 * r.nextDouble();
    int age = 2 + r.nextInt(9);
    double form = r.nextDouble();
    int draw = 1 + r.nextInt(16);
    double score =
        -Math.log(odds) * 1.3
            + 2.0 * form
            - 0.05 * Math.abs(age - 5)
            - 0.02 * draw
            + (track == 2 ? 0.3 : 0)
            + 0.8 * gaussian(r);
    out[0] = date.toString();
    out[1] = TRACKS[track];
    out[2] = fmt(distance);
    out[3] = fmt(odds);
    out[4] = fmt(weight);
    out[5] = Integer.toString(age);
    out[6] = fmt(form);
    out[7] = Integer.toString(draw);
    out[8] = score > -0.9 ? "1" : "0";
  }

  private static double gaussian(SplittableRandom r) {
    double u = 1.0 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private static String fmt(double d) {
    return Float.toString((float) d);
  }

  private static final class ArrayRow implements RowView {
    private final String[] values;

    ArrayRow(int n) {
      values = new String[n];
    }

    @Override
    public String get(int col) {
      return values[col];
    }

    @Override
    public int size() {
      return values.length;
    }
  }
}
