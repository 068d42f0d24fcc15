package dev.paddock.operator.archive;

import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An artifact store in an S3 bucket (MinIO or any S3): keys live under the location's prefix;
 * copies are server-side. Failures to reach the store or refused credentials surface as {@link
 * StoreUnavailableException} naming the location, never the credentials.
 */
public final class S3Store implements ArtifactStore {

  private final MinioClient client;
  private final S3Location location;

  public S3Store(MinioClient client, S3Location location) {
    this.client = client;
    this.location = location;
  }

  /** A store for {@code s3://bucket/prefix/} at the endpoint with the given credentials. */
  public static S3Store connect(String uri, String endpoint, String accessKey, String secretKey) {
    MinioClient client =
        MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey).build();
    return new S3Store(client, S3Location.parse(uri));
  }

  @Override
  public List<String> list(String prefix) {
    List<String> keys = new ArrayList<>();
    try {
      for (Result<Item> result :
          client.listObjects(
              ListObjectsArgs.builder()
                  .bucket(location.bucket())
                  .prefix(location.prefix() + prefix)
                  .recursive(true)
                  .build())) {
        keys.add(result.get().objectName().substring(location.prefix().length()));
      }
    } catch (Exception e) {
      throw unavailable("list " + prefix, e);
    }
    keys.sort(null);
    return keys;
  }

  @Override
  public Optional<byte[]> get(String key) {
    try (InputStream in =
        client.getObject(
            GetObjectArgs.builder()
                .bucket(location.bucket())
                .object(location.prefix() + key)
                .build())) {
      return Optional.of(in.readAllBytes());
    } catch (ErrorResponseException e) {
      if ("NoSuchKey".equals(e.errorResponse().code())) {
        return Optional.empty();
      }
      throw unavailable("read " + key, e);
    } catch (Exception e) {
      throw unavailable("read " + key, e);
    }
  }

  @Override
  public void put(String key, byte[] content) {
    try {
      client.putObject(
          PutObjectArgs.builder().bucket(location.bucket()).object(location.prefix() + key).stream(
                  new ByteArrayInputStream(content), content.length, -1)
              .build());
    } catch (Exception e) {
      throw unavailable("write " + key, e);
    }
  }

  @Override
  public void copy(String fromKey, String toKey) {
    try {
      client.copyObject(
          CopyObjectArgs.builder()
              .bucket(location.bucket())
              .object(location.prefix() + toKey)
              .source(
                  CopySource.builder()
                      .bucket(location.bucket())
                      .object(location.prefix() + fromKey)
                      .build())
              .build());
    } catch (Exception e) {
      throw unavailable("copy " + fromKey + " to " + toKey, e);
    }
  }

  @Override
  public void deletePrefix(String prefix) {
    List<DeleteObject> objects =
        list(prefix).stream().map(k -> new DeleteObject(location.prefix() + k)).toList();
    if (objects.isEmpty()) {
      return;
    }
    try {
      for (Result<DeleteError> result :
          client.removeObjects(
              RemoveObjectsArgs.builder().bucket(location.bucket()).objects(objects).build())) {
        DeleteError error = result.get();
        throw new IllegalStateException(
            "could not delete " + error.objectName() + ": " + error.message());
      }
    } catch (IllegalStateException e) {
      throw e;
    } catch (Exception e) {
      throw unavailable("delete " + prefix, e);
    }
  }

  @Override
  public String uri(String prefix) {
    return location.uri(prefix);
  }

  private StoreUnavailableException unavailable(String action, Exception cause) {
    String why =
        cause instanceof ErrorResponseException e
            ? e.errorResponse().code() + ": " + e.errorResponse().message()
            : cause.toString();
    return new StoreUnavailableException(
        "cannot " + action + " in " + location.uri("") + " (" + why + ")", cause);
  }
}
