package dev.paddock.operator.local;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trials of a local run, shared between the runner's loop and the report threads (both lock on
 * this object). Remembers which trials changed since their record was last written.
 */
final class RunState {

  private final String namespace;
  private final Map<String, LiveTrial> trials = new LinkedHashMap<>();
  private final List<LiveTrial> changed = new ArrayList<>();

  RunState(String namespace) {
    this.namespace = namespace;
  }

  String namespace() {
    return namespace;
  }

  synchronized void add(LiveTrial trial) {
    trials.put(trial.name, trial);
    changed(trial);
  }

  synchronized LiveTrial trial(String name) {
    return trials.get(name);
  }

  synchronized Collection<LiveTrial> trials() {
    return List.copyOf(trials.values());
  }

  synchronized void changed(LiveTrial trial) {
    if (!changed.contains(trial)) {
      changed.add(trial);
    }
  }

  /** The trials changed since the last call, for coalesced writes of their records. */
  synchronized List<LiveTrial> drainChanged() {
    List<LiveTrial> drained = List.copyOf(changed);
    changed.clear();
    return drained;
  }
}
