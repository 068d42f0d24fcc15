package dev.paddock.operator.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.contract.store.S3Store;
import dev.paddock.operator.archive.ArchiveIndex;
import dev.paddock.operator.study.StudyDefinitions;
import dev.paddock.operator.study.StudyPhase;
import dev.paddock.operator.study.StudyPlan;
import dev.paddock.testsupport.MinioExtension;
import dev.paddock.testsupport.MinioServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code paddock run --store s3://...}: the real trainer writes to a real MinIO. */
@ExtendWith(MinioExtension.class)
class LocalRunS3IT {

  @TempDir Path dir;

  @Test
  void artifactsAndTheArchiveGoToTheBucket(MinioServer minio) throws Exception {
    minio.createBucket("paddock");
    Path manifest = dir.resolve("study.yaml");
    Files.writeString(
        manifest,
        Files.readString(Path.of("src", "test", "resources", "local", "tiny-study.yaml"))
            .replace("archive: {topPercent: 33}", "archive: {topPercent: 50}"));
    TrainingStudy study = StudyFiles.load(manifest);
    ArtifactTarget target =
        new ArtifactTarget(
            "s3://paddock/runs/", minio.endpoint(), minio.accessKey(), minio.secretKey());
    RunOptions options =
        new RunOptions(
            manifest,
            null,
            Path.of("..", "trainer-image", "bin", "paddock-trainer").toAbsolutePath(),
            2,
            1,
            Clock.systemUTC(),
            target);

    StudyPlan plan =
        new LocalStudyRunner(
                study, StudyDefinitions.from("tiny", study.getSpec()), options, new QuietView())
            .run();

    assertThat(plan.phase()).isEqualTo(StudyPhase.SUCCEEDED);
    S3Store bucket =
        S3Store.connect(
            "s3://paddock/runs/", minio.endpoint(), minio.accessKey(), minio.secretKey());
    List<Trial> trials = StudyFiles.trials(dir.resolve(".paddock"));
    assertThat(trials)
        .hasSize(3)
        .allSatisfy(
            t -> {
              String prefix = "studies/default/tiny/trials/" + t.getMetadata().getName() + "/";
              assertThat(t.getStatus().artifacts()).isEqualTo("s3://paddock/runs/" + prefix);
              assertThat(bucket.list(prefix))
                  .contains(prefix + "epoch_metrics.csv", prefix + "metadata.json");
            });
    List<ArchiveIndex.Entry> archived = ArchiveIndex.read(bucket, "default", "tiny");
    assertThat(archived).hasSize(2);
    assertThat(archived.get(0).uri()).startsWith("s3://paddock/runs/archive/default/tiny/");
  }
}
