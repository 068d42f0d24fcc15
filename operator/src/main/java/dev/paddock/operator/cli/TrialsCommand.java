package dev.paddock.operator.cli;

import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.operator.local.StudyFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code paddock trials [STUDY]}: local trials, like {@code kubectl get trials}. */
@Command(name = "trials", mixinStandardHelpOptions = true, description = "Lists the local trials.")
final class TrialsCommand implements Callable<Integer> {

  @Mixin StoreOption store;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "STUDY",
      description = "Only this study's trials.")
  String study;

  @Override
  public Integer call() {
    List<Trial> trials =
        StudyFiles.trials(store.resolve(Path.of(""))).stream()
            .filter(t -> study == null || study.equals(t.getSpec().study()))
            .toList();
    if (trials.isEmpty()) {
      System.out.println("No trials found.");
      return 0;
    }
    Table table =
        new Table("NAME", "STUDY", "PHASE", "EPOCH", "OBJECTIVE", "GRADE", "CODE", "REASON");
    for (Trial t : trials) {
      var status = t.getStatus();
      table.add(
          t.getMetadata().getName(),
          t.getSpec().study(),
          status == null ? null : status.phase(),
          status == null ? null : status.epoch(),
          status == null ? null : status.objective(),
          status == null ? null : status.grade(),
          status == null ? null : status.code(),
          status == null ? null : status.reason());
    }
    table.print(System.out);
    return 0;
  }
}
