package dev.paddock.operator.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.contract.store.DirectoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputUploadTest {

  @TempDir Path output;
  @TempDir Path bucket;

  @Test
  void theOutputGoesUpButNotCheckpointsOrTheRunnersRecords() throws IOException {
    Files.writeString(output.resolve("epoch_metrics.csv"), "epoch,loss\n1,0.5\n");
    Files.createDirectories(output.resolve("plots"));
    Files.write(output.resolve("plots/loss.png"), new byte[] {1});
    Files.createDirectories(output.resolve("checkpoints"));
    Files.write(output.resolve("checkpoints/epoch_1.pt"), new byte[] {2});
    Files.writeString(output.resolve("trial.json"), "{}");
    Files.writeString(output.resolve("trainer.log"), "epoch=1 loss=0.5");
    DirectoryStore store = new DirectoryStore(bucket);

    int uploaded = OutputUpload.upload(output, store, "studies/default/s/trials/s-0/");

    assertThat(uploaded).isEqualTo(2);
    assertThat(store.list("studies/default/s/trials/s-0/"))
        .containsExactlyInAnyOrder(
            "studies/default/s/trials/s-0/epoch_metrics.csv",
            "studies/default/s/trials/s-0/plots/loss.png");
  }

  @Test
  void noOutputDirectoryUploadsNothing() {
    assertThat(OutputUpload.upload(output.resolve("absent"), new DirectoryStore(bucket), "p/"))
        .isZero();
  }
}
