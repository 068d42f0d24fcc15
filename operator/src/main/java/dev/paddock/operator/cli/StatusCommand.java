package dev.paddock.operator.cli;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.operator.local.StudyFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code paddock status}: local studies, like {@code kubectl get studies}. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Lists the local studies.")
final class StatusCommand implements Callable<Integer> {

  @Mixin StoreOption store;

  @Override
  public Integer call() {
    List<TrainingStudy> studies = StudyFiles.studies(store.resolve(Path.of("")));
    if (studies.isEmpty()) {
      System.out.println("No studies found in " + store.resolve(Path.of("")).toAbsolutePath());
      return 0;
    }
    Table table =
        new Table("NAMESPACE", "NAME", "PHASE", "DONE", "TOTAL", "BEST", "GRADE", "BEST TRIAL");
    for (TrainingStudy s : studies) {
      var status = s.getStatus();
      var best = status == null ? null : status.best();
      table.add(
          s.getMetadata().getNamespace(),
          s.getMetadata().getName(),
          status == null ? null : status.phase(),
          status == null || status.trials() == null ? null : status.trials().finished(),
          s.getSpec().budget().maxTrials(),
          best == null ? null : best.objective(),
          best == null ? null : best.grade(),
          best == null ? null : best.trial());
    }
    table.print(System.out);
    studies.forEach(StatusCommand::printArchiveProblem);
    return 0;
  }

  /** Why trials chosen for the study's archive are not archived, as the cluster's event says. */
  private static void printArchiveProblem(TrainingStudy study) {
    var status = study.getStatus();
    if (status != null && status.archive() != null && status.archive().message() != null) {
      System.out.println(
          study.getMetadata().getNamespace()
              + "/"
              + study.getMetadata().getName()
              + ": ArchiveSkipped: "
              + status.archive().message());
    }
  }
}
