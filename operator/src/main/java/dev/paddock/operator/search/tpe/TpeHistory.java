package dev.paddock.operator.search.tpe;

import dev.paddock.operator.search.SearchSpace;
import dev.paddock.operator.search.TrialObservation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The trials TPE learns from, each converted once to its model vector, oldest first (the age
 * order). One {@code suggest} call builds it from the history and appends each suggestion of a
 * batch as a running trial, so a batch of n parses the history once, not n times. It lives for one
 * call only: nothing is kept between calls.
 */
public final class TpeHistory {
  private final List<Dimension> dims;
  private final List<ObservationSplit.Observed> observed = new ArrayList<>();
  private int finished;

  public TpeHistory(SearchSpace space) {
    this.dims = space.parameters().stream().map(Dimension::of).toList();
  }

  /**
   * Appends a trial that belongs to the space.
   *
   * @param canonical the trial's parameters, canonicalized by the space (complete)
   */
  public void add(TrialObservation trial, Map<String, String> canonical) {
    double[] model = new double[dims.size()];
    for (int d = 0; d < dims.size(); d++) {
      model[d] = dims.get(d).toModel(canonical.get(dims.get(d).parameter().name()));
    }
    observed.add(new ObservationSplit.Observed(observed.size(), model, trial));
    if (trial.hasResult()) {
      finished++;
    }
  }

  /** How many of the trials finished with a result TPE can learn from. */
  public int finished() {
    return finished;
  }

  List<Dimension> dims() {
    return dims;
  }

  List<ObservationSplit.Observed> observed() {
    return Collections.unmodifiableList(observed);
  }
}
