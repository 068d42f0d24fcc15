package dev.paddock.operator.k8s.serving;

import dev.paddock.operator.archive.ArtifactStore;
import dev.paddock.operator.archive.DirectoryStore;
import dev.paddock.operator.archive.S3Location;
import dev.paddock.operator.archive.S3Store;
import dev.paddock.operator.k8s.ClusterSettings;
import dev.paddock.operator.k8s.StoreCredentials;
import io.minio.MinioClient;
import java.net.URI;
import java.nio.file.Path;

/** The artifact store as the operator itself reads it (the archive index, for serving). */
public final class OperatorStore {

  private static final String AWS_S3 = "https://s3.amazonaws.com";

  private OperatorStore() {}

  public static ArtifactStore open(ClusterSettings cluster, StoreCredentials credentials) {
    String root = cluster.artifactRoot();
    if (root.startsWith("file:")) {
      return new DirectoryStore(Path.of(URI.create(root)));
    }
    MinioClient.Builder client =
        MinioClient.builder()
            .endpoint(cluster.storeEndpoint() == null ? AWS_S3 : cluster.storeEndpoint());
    if (credentials.present()) {
      client.credentials(credentials.accessKey(), credentials.secretKey());
    }
    return new S3Store(client.build(), S3Location.parse(root));
  }
}
