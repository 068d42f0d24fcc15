package dev.paddock.operator.study;

import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.search.TrialState;
import java.util.Base64;
import java.util.BitSet;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

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
 * the study's trials and the indices below {@code first} that had not finished; every Trial of the
 * batch carries the basis, so one survivor of a batch is enough to refill the others as they would
 * have been.
 *
 * <p>The unfinished indices are kept as a bit set from the lowest of them, a few hundred bytes even
 * for a thousand trials in flight, in memory and in the annotation alike.
 */
public final class SuggestionBasis {

  /** The Trial annotation that carries the basis, as {@link #toText()} writes it. */
  public static final String ANNOTATION = "paddock.dev/suggestion-basis";

  private final long first;
  private final long last;
  private final long low;
  private final BitSet unfinished;

  /**
   * @param low the lowest unfinished index (any value when there is none)
   * @param unfinished bit {@code k} set: the index {@code low + k} had not finished
   */
  private SuggestionBasis(long first, long last, long low, BitSet unfinished) {
    if (first < 0 || last < first || low < 0) {
      throw new IllegalArgumentException("bad batch " + first + "-" + last);
    }
    if (!unfinished.isEmpty() && low + unfinished.length() - 1 >= first) {
      throw new IllegalArgumentException("unfinished indices must lie below " + first);
    }
    this.first = first;
    this.last = last;
    this.low = unfinished.isEmpty() ? 0 : low;
    this.unfinished = (BitSet) unfinished.clone();
  }

  /** The batch {@code first..last}, planned when the given indices had not finished. */
  public static SuggestionBasis of(long first, long last, Collection<Long> unfinished) {
    long low = unfinished.stream().mapToLong(Long::longValue).min().orElse(0);
    BitSet bits = new BitSet();
    unfinished.forEach(i -> bits.set(Math.toIntExact(i - low)));
    return new SuggestionBasis(first, last, low, bits);
  }

  /** A batch planned now, from the trials as they are. */
  static SuggestionBasis now(long first, long last, Collection<TrialObservation> below) {
    return of(
        first,
        last,
        below.stream()
            .filter(t -> t.index() < first && t.state() == TrialState.RUNNING)
            .map(TrialObservation::index)
            .toList());
  }

  public long first() {
    return first;
  }

  public long last() {
    return last;
  }

  boolean covers(long index) {
    return index >= first && index <= last;
  }

  /** How the suggestion for an index of this batch saw {@code trial}, an index below it. */
  TrialObservation seen(TrialObservation trial) {
    long k = trial.index() - low;
    boolean runningThen =
        trial.index() >= first || (k >= 0 && k < Integer.MAX_VALUE && unfinished.get((int) k));
    return runningThen ? TrialObservation.running(trial.index(), trial.parameters()) : trial;
  }

  /**
   * {@code first-last;} when every earlier trial had finished, else {@code first-last;low:bits}
   * with the bit set in unpadded URL-safe Base64 (e.g. {@code 8-11;3:DQ}: 3, 5 and 6 unfinished).
   */
  public String toText() {
    String batch = first == last ? Long.toString(first) : first + "-" + last;
    if (unfinished.isEmpty()) {
      return batch + ";";
    }
    String bits = Base64.getUrlEncoder().withoutPadding().encodeToString(unfinished.toByteArray());
    return batch + ";" + low + ":" + bits;
  }

  /** The basis {@link #toText()} wrote; empty when the text is missing or not one. */
  public static Optional<SuggestionBasis> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      int semicolon = text.indexOf(';');
      String batch = text.substring(0, semicolon);
      int dash = batch.indexOf('-');
      long first = Long.parseLong(dash < 0 ? batch : batch.substring(0, dash));
      long last = dash < 0 ? first : Long.parseLong(batch.substring(dash + 1));
      String rest = text.substring(semicolon + 1);
      if (rest.isEmpty()) {
        return Optional.of(new SuggestionBasis(first, last, 0, new BitSet()));
      }
      int colon = rest.indexOf(':');
      long low = Long.parseLong(rest.substring(0, colon));
      BitSet bits = BitSet.valueOf(Base64.getUrlDecoder().decode(rest.substring(colon + 1)));
      return Optional.of(new SuggestionBasis(first, last, low, bits));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SuggestionBasis b
        && first == b.first
        && last == b.last
        && low == b.low
        && unfinished.equals(b.unfinished);
  }

  @Override
  public int hashCode() {
    return Objects.hash(first, last, low, unfinished);
  }

  @Override
  public String toString() {
    return "SuggestionBasis[" + toText() + "]";
  }
}
