package dev.paddock.operator.study;

import dev.paddock.operator.search.Sampler;
import dev.paddock.operator.search.Suggestion;
import dev.paddock.operator.search.TrialObservation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which trial indices a study creates next, and their suggestions.
 *
 * <p>The lowest missing indices come first: a crash in the middle of a batch of concurrent
 * creations can leave a scattered subset of the batch, and the indices it skipped are refilled
 * before any new one, so a study's indices are always {@code 0..maxTrials-1} and never run past. A
 * refilled index is suggested from its batch's {@link SuggestionBasis}, read from any survivor of
 * the batch, so it gets the parameters it would have had without the crash; an index no recorded
 * batch covers is suggested from the trials below it as they are now. The new indices above all of
 * them form one batch, planned from the trials as they are now.
 *
 * <p>One limit: trials imported from other studies ({@code search.historyFrom}) are taken as they
 * are now, so a donor study that is still running when an index is refilled can change a TPE
 * suggestion.
 */
final class NextTrials {

  /** The suggestions to create, each with the basis to record on its Trial. */
  record Planned(List<Suggestion> suggestions, Map<Long, SuggestionBasis> bases) {}

  private final StudyDefinition study;
  private final List<TrialObservation> imported;
  private final TreeMap<Long, TrialObservation> known = new TreeMap<>();
  private final List<SuggestionBasis> recorded = new ArrayList<>();
  private final List<Suggestion> suggestions = new ArrayList<>();
  private final Map<Long, SuggestionBasis> bases = new LinkedHashMap<>();

  private NextTrials(
      StudyDefinition study, List<StudyTrial> trials, List<TrialObservation> imported) {
    this.study = study;
    this.imported = imported;
    for (StudyTrial t : trials) {
      known.put(t.observation().index(), t.observation());
      if (t.basis() != null) {
        recorded.add(t.basis());
      }
    }
  }

  /**
   * Up to {@code count} suggestions: the missing indices below the highest one created or recorded
   * first, lowest first, then new ones; none at or past {@code maxTrials}.
   */
  static Planned plan(
      StudyDefinition study, List<StudyTrial> trials, List<TrialObservation> imported, int count) {
    NextTrials next = new NextTrials(study, trials, imported);
    long refillEnd =
        Math.max(
            next.known.isEmpty() ? -1 : next.known.lastKey(),
            next.recorded.stream().mapToLong(SuggestionBasis::last).max().orElse(-1));
    long maxTrials = study.budget().maxTrials();
    if (next.refill(Math.min(refillEnd, maxTrials - 1), count)) {
      long first = refillEnd + 1;
      next.createNew(first, (int) Math.min(count - next.suggestions.size(), maxTrials - first));
    }
    return new Planned(List.copyOf(next.suggestions), Map.copyOf(next.bases));
  }

  /** Fills the missing indices up to {@code end}; false when the search space ran out. */
  private boolean refill(long end, int count) {
    for (long index = 0; index <= end && suggestions.size() < count; index++) {
      if (known.containsKey(index)) {
        continue;
      }
      long at = index;
      SuggestionBasis basis =
          recorded.stream()
              .filter(b -> b.covers(at))
              .findFirst()
              .orElseGet(() -> SuggestionBasis.now(at, at, known.headMap(at).values()));
      List<TrialObservation> history =
          known.headMap(index).values().stream().map(basis::seen).toList();
      Optional<Suggestion> suggestion = suggest(history, index, 1).stream().findFirst();
      if (suggestion.isEmpty()) {
        return false;
      }
      add(suggestion.get(), basis);
    }
    return true;
  }

  private void createNew(long first, int count) {
    if (count <= 0) {
      return;
    }
    List<Suggestion> batch = suggest(List.copyOf(known.values()), first, count);
    if (batch.isEmpty()) {
      return;
    }
    SuggestionBasis basis = SuggestionBasis.now(first, first + batch.size() - 1, known.values());
    batch.forEach(s -> add(s, basis));
  }

  private List<Suggestion> suggest(List<TrialObservation> history, long first, int count) {
    return Sampler.suggest(
        study.search(), study.objective().direction(), history, imported, first, count);
  }

  private void add(Suggestion suggestion, SuggestionBasis basis) {
    suggestions.add(suggestion);
    bases.put(suggestion.index(), basis);
    known.put(suggestion.index(), suggestion.asRunning());
  }
}
