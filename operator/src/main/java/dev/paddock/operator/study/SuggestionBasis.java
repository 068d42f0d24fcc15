package dev.paddock.operator.study;

import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.search.TrialState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The history a trial's suggestion was computed from, recorded on the Trial (annotation {@link
 * #ANNOTATION}) so that an index whose creation a crash lost is suggested later exactly as it would
 * have been.
 *
 * <p>The rule. A reconcile plans a batch: the indices {@code first..last}, from one snapshot of the
 * study's trials. The suggestion for index {@code i} of the batch sees exactly the trials with an
 * index below {@code i}: those below {@code first} that had finished when the batch was planned,
 * with their results, and every other one (unfinished then, or a sibling {@code first..i-1} of its
 * own batch) as a running trial with its parameters. It never sees a trial with a higher index.
 * Since a finished trial's result never changes, that history can be rebuilt at any later time from
 * the study's trials and {@code unfinished}, the indices below {@code first} that had not finished;
 * every Trial of the batch carries the basis, so one survivor of a batch is enough to refill the
 * others as they would have been.
 *
 * @param first the batch's first index
 * @param last the batch's last index
 * @param unfinished indices below {@code first} that had not finished when the batch was planned
 */
public record SuggestionBasis(long first, long last, SortedSet<Long> unfinished) {

  /** The Trial annotation that carries the basis, as {@link #toText()} writes it. */
  public static final String ANNOTATION = "paddock.dev/suggestion-basis";

  public SuggestionBasis {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("bad batch " + first + "-" + last);
    }
    unfinished = Collections.unmodifiableSortedSet(new TreeSet<>(unfinished));
    if (!unfinished.isEmpty() && unfinished.last() >= first) {
      throw new IllegalArgumentException("unfinished indices must lie below " + first);
    }
  }

  /** A batch planned now, from the trials as they are. */
  static SuggestionBasis now(long first, long last, Collection<TrialObservation> below) {
    SortedSet<Long> unfinished = new TreeSet<>();
    below.stream()
        .filter(t -> t.index() < first && t.state() == TrialState.RUNNING)
        .forEach(t -> unfinished.add(t.index()));
    return new SuggestionBasis(first, last, unfinished);
  }

  boolean covers(long index) {
    return index >= first && index <= last;
  }

  /** How the suggestion for {@code index} saw the trial {@code trial} (an index below it). */
  TrialObservation seen(TrialObservation trial) {
    boolean runningThen = trial.index() >= first || unfinished.contains(trial.index());
    return runningThen ? TrialObservation.running(trial.index(), trial.parameters()) : trial;
  }

  /** {@code first-last;ranges}, e.g. {@code 8-11;0-2,5}: compact, bounded by the parallelism. */
  public String toText() {
    List<String> ranges = new ArrayList<>();
    Long start = null;
    Long previous = null;
    for (long index : unfinished) {
      if (previous == null || index != previous + 1) {
        if (start != null) {
          ranges.add(range(start, previous));
        }
        start = index;
      }
      previous = index;
    }
    if (start != null) {
      ranges.add(range(start, previous));
    }
    return range(first, last) + ";" + String.join(",", ranges);
  }

  /** The basis {@link #toText()} wrote; empty when the text is missing or not one. */
  public static Optional<SuggestionBasis> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      int semicolon = text.indexOf(';');
      long[] batch = bounds(text.substring(0, semicolon));
      SortedSet<Long> unfinished = new TreeSet<>();
      String rest = text.substring(semicolon + 1);
      for (String part : rest.isEmpty() ? new String[0] : rest.split(",")) {
        long[] range = bounds(part);
        for (long i = range[0]; i <= range[1]; i++) {
          unfinished.add(i);
        }
      }
      return Optional.of(new SuggestionBasis(batch[0], batch[1], unfinished));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String range(long from, long to) {
    return from == to ? Long.toString(from) : from + "-" + to;
  }

  private static long[] bounds(String range) {
    int dash = range.indexOf('-');
    long from = Long.parseLong(dash < 0 ? range : range.substring(0, dash));
    long to = dash < 0 ? from : Long.parseLong(range.substring(dash + 1));
    if (to < from || to - from > 1_000_000) {
      throw new IllegalArgumentException("bad range " + range);
    }
    return new long[] {from, to};
  }
}
