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

  List<Trial> load() {
    if (!Files.isDirectory(layout.trialsDir())) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(layout.trialsDir())) {
      return dirs.map(d -> d.resolve("trial.json"))
          .filter(Files::exists)
          .map(f -> JsonFiles.read(f, Trial.class))
          .sorted(Comparator.comparingInt(t -> t.getSpec().index()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void save(Trial trial) {
    JsonFiles.write(layout.trialRecord(trial.getMetadata().getName()), trial);
  }
}
