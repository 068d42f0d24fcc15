package dev.paddock.operator.local;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Keeps every event of a run; an optional hook sees each event as it happens. */
final class RecordingView implements ProgressView {

  final List<RunEvent> events = new ArrayList<>();
  RunSnapshot finished;
  private final Consumer<RunEvent> hook;

  RecordingView() {
    this(e -> {});
  }

  RecordingView(Consumer<RunEvent> hook) {
    this.hook = hook;
  }

  @Override
  public void update(RunSnapshot snapshot) {}

  @Override
  public void event(RunEvent event) {
    events.add(event);
    hook.accept(event);
  }

  @Override
  public void finish(RunSnapshot snapshot) {
    finished = snapshot;
  }

  List<RunEvent> ofType(String type) {
    return events.stream().filter(e -> e.type().equals(type)).toList();
  }
}
