package dev.paddock.trainer.data;

import dev.paddock.trainer.config.Hyperparams;
import dev.paddock.trainer.util.TrainerException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a table in two streaming passes (profile, then encode) into a {@link Dataset}: features
 * standardized with statistics of the training split only, targets, weights and splits.
 */
public final class DatasetBuilder {

  private static final Logger LOG = LoggerFactory.getLogger(DatasetBuilder.class);

  private final DataOptions options;
  private final Hyperparams hp;

  public DatasetBuilder(DataOptions options, Hyperparams hp) {
    this.options = options;
    this.hp = hp;
  }

  public Dataset build(RowSource source) {
    TableProfile profile = TableProfile.scan(source, options.timeColumn());
    TablePlan plan = new SchemaPlanner(options, source.describe()).plan(profile);
    if (profile.rows() > Integer.MAX_VALUE - 8) {
      throw TrainerException.user(source.describe() + ": more than 2^31 rows");
    }
    int rows = (int) profile.rows();
    List<HoldoutPeriod> holdouts = options.holdouts().stream().map(HoldoutPeriod::parse).toList();
    byte[] part =
        SplitAssigner.assign(
            rows, options.split(), hp.valFraction(), hp.seed(), profile.times(), holdouts);
    Path dir =
        options.workDir() == null
            ? Path.of(System.getProperty("java.io.tmpdir"))
            : options.workDir();
    FloatMatrix x =
        FloatMatrix.allocate(rows, plan.features().width(), options.maxMemoryMb() << 20, dir);
    try {
      float[] y = new float[rows];
      Welford stats = encode(source, plan, part, x, y);
      FeatureSpec features = standardize(plan.features(), stats, x);
      LabelSpec label = scaleLabel(plan.label(), y, part);
      float[] w = new SampleWeights(hp, label).compute(y, part, profile.times());
      Dataset d = splits(features, label, x, y, w, part, holdouts, source.describe());
      LOG.info(
          "{}: {} rows, {} inputs, train {}, validation {}, task {}",
          source.describe(),
          rows,
          features.width(),
          d.train().length,
          d.validation().length,
          label.task());
      return d;
    } catch (RuntimeException e) {
      x.close();
      throw e;
    }
  }

  private Welford encode(RowSource source, TablePlan plan, byte[] part, FloatMatrix x, float[] y) {
    FeatureEncoder encoder = new FeatureEncoder(plan.features());
    Welford stats = new Welford(plan.features().width());
    Map<String, Integer> classIndex = new HashMap<>();
    List<String> classes = plan.label().classes();
    for (int i = 0; i < classes.size(); i++) {
      classIndex.put(classes.get(i), i);
    }
    float[] buf = new float[plan.features().width()];
    int[] src = plan.featureIndex();
    boolean regression = !plan.label().classification();
    source.scan(
        (index, row) -> {
          int i = (int) index;
          if (i >= x.rows()) {
            throw TrainerException.retryable(source.describe() + " changed while reading", null);
          }
          encoder.encode((f, c) -> row.get(src[f]), buf, "row " + (index + 1));
          x.setRow(i, buf);
          String raw = row.get(plan.labelIndex());
          y[i] = regression ? (float) Numbers.parse(raw) : classIndex.getOrDefault(raw, -1);
          if (!regression && y[i] < 0) {
            throw TrainerException.retryable(source.describe() + " changed while reading", null);
          }
          if (part[i] == SplitAssigner.TRAIN) {
            stats.add(buf);
          }
        });
    if (stats.count() == 0) {
      throw TrainerException.user(source.describe() + ": the split leaves no training rows");
    }
    return stats;
  }

  private static FeatureSpec standardize(FeatureSpec spec, Welford stats, FloatMatrix x) {
    float[] mean = new float[spec.width()];
    float[] std = new float[spec.width()];
    java.util.Arrays.fill(std, 1f);
    boolean any = false;
    for (FeatureColumn c : spec.columns()) {
      if (FeatureColumn.ONEHOT.equals(c.kind())) {
        continue;
      }
      int j = c.offset();
      mean[j] = (float) stats.mean(j);
      double sd = stats.std(j);
      std[j] = sd > 1e-12 ? (float) sd : 1f;
      any = true;
    }
    FeatureSpec scaled = spec.withScaling(mean, std);
    if (any) {
      float[] row = new float[spec.width()];
      for (int i = 0; i < x.rows(); i++) {
        x.getRow(i, row);
        scaled.standardize(row);
        x.setRow(i, row);
      }
    }
    return scaled;
  }

  private static LabelSpec scaleLabel(LabelSpec label, float[] y, byte[] part) {
    if (label.classification()) {
      return label;
    }
    Welford s = new Welford(1);
    float[] one = new float[1];
    for (int i = 0; i < y.length; i++) {
      if (part[i] == SplitAssigner.TRAIN) {
        one[0] = y[i];
        s.add(one);
      }
    }
    double mean = s.mean(0);
    double std = s.std(0) > 1e-12 ? s.std(0) : 1.0;
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) ((y[i] - mean) / std);
    }
    return label.withScale(mean, std);
  }

  private static Dataset splits(
      FeatureSpec features,
      LabelSpec label,
      FloatMatrix x,
      float[] y,
      float[] w,
      byte[] part,
      List<HoldoutPeriod> holdouts,
      String uri) {
    int[] train = indices(part, SplitAssigner.TRAIN);
    int[] val = indices(part, SplitAssigner.VALIDATION);
    if (val.length == 0) {
      throw TrainerException.user(uri + ": the split leaves no validation rows");
    }
    List<Dataset.Holdout> hs = new ArrayList<>();
    for (int k = 0; k < holdouts.size(); k++) {
      int[] rows = indices(part, (byte) (SplitAssigner.HOLDOUT_BASE + k));
      if (rows.length == 0) {
        throw TrainerException.user(
            "holdout '" + holdouts.get(k).name() + "' matches no rows in " + uri);
      }
      hs.add(new Dataset.Holdout(holdouts.get(k), rows));
    }
    return new Dataset(features, label, x, y, w, train, val, hs, uri);
  }

  private static int[] indices(byte[] part, byte which) {
    int n = 0;
    for (byte b : part) {
      n += b == which ? 1 : 0;
    }
    int[] out = new int[n];
    int k = 0;
    for (int i = 0; i < part.length; i++) {
      if (part[i] == which) {
        out[k++] = i;
      }
    }
    return out;
  }
}
