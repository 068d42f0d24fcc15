package dev.paddock.operator.local;

import dev.paddock.api.v1alpha1.Trial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The study's Trial records on disk: the same objects the cluster would hold. */
final class TrialRecords {

  private final LocalLayout layout;

  TrialRecords(LocalLayout layout) {
    this.layout = layout;
  }

  /** The study's trials, those removed by retention included (the sampler counts them). */
  List<Trial> load() {
    List<Trial> trials =
        new java.util.ArrayList<>(read(layout.trialsDir(), d -> d.resolve("trial.json")));
    trials.addAll(read(layout.historyDir(), f -> f));
    trials.sort(Comparator.comparingInt(t -> t.getSpec().index()));
    return trials;
  }

  /**
   * Removes a trial's directory (record, logs, local artifacts) and keeps its record in the study's
   * history.
   */
  void retire(Trial trial) {
    String name = trial.getMetadata().getName();
    JsonFiles.write(layout.historyDir().resolve(name + ".json"), trial);
    dev.paddock.contract.store.DirectoryStore dir =
        new dev.paddock.contract.store.DirectoryStore(layout.trialsDir());
    dir.deletePrefix(name + "/");
  }

  private static List<Trial> read(Path dir, java.util.function.Function<Path, Path> record) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .map(record)
          .filter(Files::isRegularFile)
          .map(f -> JsonFiles.read(f, Trial.class))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void save(Trial trial) {
    JsonFiles.write(layout.trialRecord(trial.getMetadata().getName()), trial);
  }
}
