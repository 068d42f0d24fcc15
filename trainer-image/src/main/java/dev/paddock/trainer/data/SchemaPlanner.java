package dev.paddock.trainer.data;

import dev.paddock.trainer.util.TrainerException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a {@link TableProfile} and the user's options into a {@link TablePlan}. */
public final class SchemaPlanner {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaPlanner.class);
  private static final int MAX_MULTICLASS = 100;
  private static final int MAX_INTEGER_CLASSES = 20;

  private final DataOptions options;
  private final String uri;

  public SchemaPlanner(DataOptions options, String uri) {
    this.options = options;
    this.uri = uri;
  }

  public TablePlan plan(TableProfile profile) {
    List<String> header = profile.header();
    if (options.label() == null || options.label().isBlank()) {
      throw TrainerException.user("no label column given (--label)");
    }
    int labelIdx = indexOf(header, options.label(), "label column");
    int timeIdx = options.timeColumn() == null ? -1 : indexOf(header, options.timeColumn(), "time");
    LabelSpec label = planLabel(profile.column(labelIdx));
    List<Integer> sourceIdx = new ArrayList<>();
    List<FeatureColumn> cols = new ArrayList<>();
    int offset = 0;
    for (String name : featureNames(profile, labelIdx, timeIdx)) {
      int idx = indexOf(header, name, "feature column");
      FeatureColumn c = planFeature(profile.column(idx), offset);
      cols.add(c);
      sourceIdx.add(idx);
      offset += c.width();
    }
    if (cols.isEmpty()) {
      throw TrainerException.user(
          uri + ": no numeric feature columns besides the label (columns: " + header + ")");
    }
    return new TablePlan(
        FeatureSpec.unscaled(cols),
        label,
        labelIdx,
        sourceIdx.stream().mapToInt(Integer::intValue).toArray(),
        timeIdx);
  }

  private int indexOf(List<String> header, String name, String what) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw TrainerException.user(
          what + " '" + name + "' not found in " + uri + " (columns: " + header + ")");
    }
    return i;
  }

  private List<String> featureNames(TableProfile profile, int labelIdx, int timeIdx) {
    if (!options.features().isEmpty()) {
      return options.features();
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < profile.header().size(); i++) {
      String name = profile.header().get(i);
      if (i == labelIdx || i == timeIdx) {
        continue;
      }
      if (profile.column(i).numeric() || options.categorical().contains(name)) {
        names.add(name);
      } else {
        LOG.info("column '{}' is not numeric: not used as a feature", name);
      }
    }
    return names;
  }

  private FeatureColumn planFeature(ColumnProfile p, int offset) {
    if (!options.categorical().contains(p.name())) {
      checkNumeric(p);
      return new FeatureColumn(p.name(), FeatureColumn.NUMERIC, List.of(), offset, 1);
    }
    Set<String> distinct = p.distinct();
    List<String> vocab = new ArrayList<>(distinct == null ? Set.of() : distinct);
    vocab.sort(Comparator.naturalOrder());
    if (distinct == null || vocab.size() > options.maxCategories()) {
      throw TrainerException.user(
          "categorical column '"
              + p.name()
              + "' has more than "
              + options.maxCategories()
              + " distinct values (raise --max-categories or use --categorical-encoding index)");
    }
    boolean index = "index".equals(options.categoricalEncoding());
    return index
        ? new FeatureColumn(p.name(), FeatureColumn.INDEX, vocab, offset, 1)
        : new FeatureColumn(p.name(), FeatureColumn.ONEHOT, vocab, offset, vocab.size());
  }

  private void checkNumeric(ColumnProfile p) {
    if (p.texts() > 0) {
      throw TrainerException.user(
          "column '"
              + p.name()
              + "' row "
              + (p.firstTextRow() + 1)
              + ": '"
              + p.firstTextValue()
              + "' is not a number (declare it with --categorical "
              + p.name()
              + ")");
    }
    if (p.nonFinite() > 0) {
      throw TrainerException.user(
          "column '"
              + p.name()
              + "' row "
              + (p.firstNonFiniteRow() + 1)
              + ": non-finite value '"
              + p.firstNonFiniteValue()
              + "'");
    }
    if (p.empties() > 0) {
      throw TrainerException.user(
          "column '" + p.name() + "' row " + (p.firstEmptyRow() + 1) + ": missing value");
    }
  }

  private LabelSpec planLabel(ColumnProfile p) {
    if (p.empties() > 0) {
      throw TrainerException.user(
          "label column '" + p.name() + "' row " + (p.firstEmptyRow() + 1) + ": missing value");
    }
    if (p.nonFinite() > 0) {
      throw TrainerException.user(
          "label column '"
              + p.name()
              + "' row "
              + (p.firstNonFiniteRow() + 1)
              + ": non-finite value '"
              + p.firstNonFiniteValue()
              + "'");
    }
    String task = options.task() == null ? "auto" : options.task().toLowerCase(Locale.ROOT);
    if ("auto".equals(task)) {
      task = inferTask(p);
      LOG.info("task inferred from label '{}': {}", p.name(), task);
    }
    return switch (task) {
      case LabelSpec.REGRESSION -> regression(p);
      case LabelSpec.BINARY, LabelSpec.MULTICLASS -> classes(p, task);
      default ->
          throw TrainerException.user(
              "--task '" + task + "' is not one of auto, binary, multiclass, regression");
    };
  }

  private String inferTask(ColumnProfile p) {
    Set<String> d = p.distinct();
    int n = d == null ? Integer.MAX_VALUE : d.size();
    if (n == 2) {
      return LabelSpec.BINARY;
    }
    if (!p.numeric()) {
      return LabelSpec.MULTICLASS;
    }
    return p.integral() && n <= MAX_INTEGER_CLASSES ? LabelSpec.MULTICLASS : LabelSpec.REGRESSION;
  }

  private LabelSpec regression(ColumnProfile p) {
    if (!p.numeric()) {
      throw TrainerException.user(
          "label column '"
              + p.name()
              + "' row "
              + (p.firstTextRow() + 1)
              + ": '"
              + p.firstTextValue()
              + "' is not a number (regression needs a numeric label)");
    }
    return new LabelSpec(p.name(), LabelSpec.REGRESSION, List.of(), 0, 1);
  }

  private LabelSpec classes(ColumnProfile p, String task) {
    Set<String> d = p.distinct();
    if (d == null || d.size() > MAX_MULTICLASS) {
      throw TrainerException.user(
          "label column '" + p.name() + "' has more than " + MAX_MULTICLASS + " classes");
    }
    List<String> classes = new ArrayList<>(d);
    if (p.numeric()) {
      classes.sort(Comparator.comparingDouble(Double::parseDouble));
    } else {
      classes.sort(Comparator.naturalOrder());
    }
    if (classes.size() < 2) {
      throw TrainerException.user(
          "label column '" + p.name() + "' has a single class " + classes + ": nothing to learn");
    }
    if (LabelSpec.BINARY.equals(task) && classes.size() != 2) {
      throw TrainerException.user(
          "label column '"
              + p.name()
              + "' has "
              + classes.size()
              + " classes; --task binary needs exactly 2");
    }
    return new LabelSpec(p.name(), task, classes, 0, 1);
  }
}
