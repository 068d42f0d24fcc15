package dev.paddock.operator.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.contract.store.DirectoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointSyncTest {

  @TempDir Path store;
  @TempDir Path dir;

  @Test
  void aRestoredCheckpointIsWritableByTheTrainerAndNotUploadedAgain() throws Exception {
    Files.createDirectories(store.resolve("checkpoints/epoch-3"));
    Files.writeString(store.resolve("checkpoints/epoch-3/model.pt"), "weights-3");
    Files.writeString(store.resolve("checkpoints/state.json"), "{\"epoch\": 3}");
    CheckpointSync sync = new CheckpointSync(new DirectoryStore(store), dir);

    assertThat(sync.restore()).isEqualTo(2);

    assertThat(dir.resolve("epoch-3/model.pt")).content().isEqualTo("weights-3");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("state.json"))))
        .isEqualTo("rw-rw-rw-");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("epoch-3"))))
        .isEqualTo("rwxrwxrwx");
    assertThat(sync.sync(true)).as("nothing changed since the restore").isZero();
  }

  @Test
  void whatChangedIsUploadedOnceUntilItChangesAgain() throws Exception {
    CheckpointSync sync = new CheckpointSync(new DirectoryStore(store), dir);
    Files.writeString(dir.resolve("state.json"), "{\"epoch\": 1}");

    assertThat(sync.sync(false)).isEqualTo(1);
    assertThat(sync.sync(false)).isZero();
    assertThat(store.resolve("checkpoints/state.json")).content().isEqualTo("{\"epoch\": 1}");

    Path next = dir.resolve("state.json.tmp");
    Files.writeString(next, "{\"epoch\": 2, \"more\": true}");
    Files.move(next, dir.resolve("state.json"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    assertThat(sync.sync(true)).isEqualTo(1);
    assertThat(store.resolve("checkpoints/state.json"))
        .content()
        .isEqualTo("{\"epoch\": 2, \"more\": true}");
  }

  @Test
  void anEmptyOrMissingDirectoryHasNothingToSync() throws Exception {
    assertThat(new CheckpointSync(new DirectoryStore(store), dir.resolve("none")).sync(true))
        .isZero();
    assertThat(new CheckpointSync(new DirectoryStore(store), dir).restore()).isZero();
  }
}
