package dev.paddock.operator.k8s.archive;

import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.contract.store.DirectoryStore;
import dev.paddock.contract.store.S3Store;
import dev.paddock.operator.k8s.ClusterSettings;
import java.net.URI;
import java.nio.file.Path;

/**
 * The artifact store the operator archives into and cleans up, at the settings' artifact root (the
 * same root trial pods write under). Opened once: the MinIO client keeps its connection pool.
 */
public final class OperatorStore {

  private final ClusterSettings settings;
  private final StoreCredentials credentials;
  private volatile ArtifactStore store;

  public OperatorStore(ClusterSettings settings, StoreCredentials credentials) {
    this.settings = settings;
    this.credentials = credentials;
  }

  public ArtifactStore get() {
    ArtifactStore opened = store;
    if (opened == null) {
      synchronized (this) {
        if (store == null) {
          store = open();
        }
        opened = store;
      }
    }
    return opened;
  }

  private ArtifactStore open() {
    String root = settings.artifactRoot();
    if (root.startsWith("file:")) {
      return new DirectoryStore(Path.of(URI.create(root)));
    }
    String endpoint =
        settings.storeEndpoint() == null ? "https://s3.amazonaws.com" : settings.storeEndpoint();
    return credentials.present()
        ? S3Store.connect(root, endpoint, credentials.accessKey(), credentials.secretKey())
        : S3Store.connect(root, endpoint, null, null);
  }
}
