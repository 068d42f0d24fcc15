package dev.paddock.contract.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory store behaves as the bucket does. */
class DirectoryStoreTest {

  @TempDir Path root;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void listsByStringPrefixSortedWithoutTemporaryFiles() throws Exception {
    DirectoryStore store = new DirectoryStore(root);
    store.put("trials/s-10/b", bytes("b"));
    store.put("trials/s-1/a", bytes("a"));
    Files.writeString(root.resolve("trials/s-1/.tmp-123"), "half");

    assertThat(store.list("trials/s-1")).containsExactly("trials/s-1/a", "trials/s-10/b");
    assertThat(store.list("trials/s-1/")).containsExactly("trials/s-1/a");
    assertThat(store.list("nothing/")).isEmpty();
  }

  @Test
  void deletingTheLastObjectLeavesNoEmptyDirectory() {
    DirectoryStore store = new DirectoryStore(root);
    store.put("checkpoints/epoch-000001/weights.params", bytes("w"));
    store.put("metadata.json", bytes("{}"));

    store.delete("checkpoints/epoch-000001/weights.params");
    store.delete("never-written");

    assertThat(root.resolve("checkpoints")).doesNotExist();
    assertThat(store.get("metadata.json")).isPresent();
  }

  @Test
  void copiesPutsFilesAndDeletesPrefixes() throws Exception {
    DirectoryStore store = new DirectoryStore(root);
    Path file = Files.writeString(root.resolve("local.txt"), "x");
    store.putFile("a/local.txt", file);
    store.copy("a/local.txt", "b/local.txt");
    store.deletePrefix("a/");

    assertThat(store.get("a/local.txt")).isEmpty();
    assertThat(store.open("b/local.txt").readAllBytes()).isEqualTo(bytes("x"));
  }

  @Test
  void openingAMissingObjectIsNotRetryableAndNamesIt() {
    DirectoryStore store = new DirectoryStore(root);

    assertThatThrownBy(() -> store.open("nope.csv"))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageEndingWith("nope.csv: no such file")
        .satisfies(e -> assertThat(((StoreUnavailableException) e).retryable()).isFalse());
  }

  @Test
  void keysCannotEscapeTheRoot() {
    assertThatThrownBy(() -> new DirectoryStore(root).put("../outside", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theFactoryOpensDirectoriesAndRefusesWhatItCannotOpen() {
    assertThat(Stores.open(root.toUri().toString(), null).uri("x")).endsWith("/x");
    assertThatThrownBy(() -> Stores.open("gs://bucket/", null))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("only s3:// and file://");
    assertThatThrownBy(() -> Stores.open("s3:///prefix", null))
        .hasMessageContaining("has no bucket");
  }
}
