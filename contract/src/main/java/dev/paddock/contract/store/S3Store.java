package dev.paddock.contract.store;

import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.UploadObjectArgs;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An artifact store in an S3 bucket (MinIO or any S3): keys live under the location's prefix;
 * copies are server-side. Failures surface as {@link StoreUnavailableException} naming the object's
 * URI, never the credentials.
 */
public final class S3Store implements ArtifactStore {

  private final MinioClient client;
  private final S3Location location;

  public S3Store(MinioClient client, S3Location location) {
    this.client = client;
    this.location = location;
  }

  /**
   * A store for {@code s3://bucket/prefix/} at the endpoint with the given credentials, or
   * anonymous when they are null.
   */
  public static S3Store connect(String uri, String endpoint, String accessKey, String secretKey) {
    MinioClient.Builder client = MinioClient.builder().endpoint(endpoint);
    if (accessKey != null && secretKey != null) {
      client.credentials(accessKey, secretKey);
    }
    return new S3Store(client.build(), S3Location.parse(uri));
  }

  /** A MinIO client for the settings, with short timeouts so an outage fails fast. */
  public static MinioClient client(S3Settings s) {
    if (s.accessKey() == null || s.secretKey() == null) {
      throw new StoreUnavailableException(
          "s3:// needs credentials: set PADDOCK_S3_ACCESS_KEY and PADDOCK_S3_SECRET_KEY",
          null,
          false);
    }
    try {
      MinioClient c =
          MinioClient.builder()
              .endpoint(s.endpoint())
              .credentials(s.accessKey(), s.secretKey())
              .region(s.region())
              .build();
      c.setTimeout(
          TimeUnit.SECONDS.toMillis(10),
          TimeUnit.SECONDS.toMillis(120),
          TimeUnit.SECONDS.toMillis(120));
      return c;
    } catch (IllegalArgumentException e) {
      throw new StoreUnavailableException(
          "bad S3 endpoint '" + s.endpoint() + "': " + e.getMessage(), e, false);
    }
  }

  @Override
  public void put(String key, byte[] content) {
    try {
      client.putObject(
          PutObjectArgs.builder().bucket(location.bucket()).object(object(key)).stream(
                  new ByteArrayInputStream(content), content.length, -1)
              .build());
    } catch (Exception e) {
      throw S3Errors.classify("write", uri(key), e);
    }
  }

  @Override
  public void putFile(String key, Path file) {
    try {
      client.uploadObject(
          UploadObjectArgs.builder()
              .bucket(location.bucket())
              .object(object(key))
              .filename(file.toString())
              .build());
    } catch (Exception e) {
      throw S3Errors.classify("write", uri(key), e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    try (InputStream in = client.getObject(getArgs(key))) {
      return Optional.of(in.readAllBytes());
    } catch (Exception e) {
      if (S3Errors.isMissing(e)) {
        return Optional.empty();
      }
      throw S3Errors.classify("read", uri(key), e);
    }
  }

  @Override
  public InputStream open(String key) {
    try {
      return client.getObject(getArgs(key));
    } catch (Exception e) {
      throw S3Errors.classify("read", uri(key), e);
    }
  }

  @Override
  public List<String> list(String prefix) {
    List<String> keys = new ArrayList<>();
    try {
      for (Result<Item> result :
          client.listObjects(
              ListObjectsArgs.builder()
                  .bucket(location.bucket())
                  .prefix(object(prefix))
                  .recursive(true)
                  .build())) {
        Item item = result.get();
        if (!item.isDir()) {
          keys.add(item.objectName().substring(location.prefix().length()));
        }
      }
    } catch (Exception e) {
      throw S3Errors.classify("list", uri(prefix), e);
    }
    keys.sort(null);
    return keys;
  }

  @Override
  public void delete(String key) {
    try {
      client.removeObject(
          RemoveObjectArgs.builder().bucket(location.bucket()).object(object(key)).build());
    } catch (Exception e) {
      throw S3Errors.classify("delete", uri(key), e);
    }
  }

  @Override
  public void copy(String fromKey, String toKey) {
    try {
      client.copyObject(
          CopyObjectArgs.builder()
              .bucket(location.bucket())
              .object(object(toKey))
              .source(
                  CopySource.builder().bucket(location.bucket()).object(object(fromKey)).build())
              .build());
    } catch (Exception e) {
      throw S3Errors.classify("copy " + uri(fromKey) + " to", uri(toKey), e);
    }
  }

  @Override
  public void deletePrefix(String prefix) {
    List<DeleteObject> objects =
        list(prefix).stream().map(k -> new DeleteObject(object(k))).toList();
    if (objects.isEmpty()) {
      return;
    }
    try {
      for (Result<DeleteError> result :
          client.removeObjects(
              RemoveObjectsArgs.builder().bucket(location.bucket()).objects(objects).build())) {
        DeleteError error = result.get();
        throw new StoreUnavailableException(
            "cannot delete "
                + location.uri(error.objectName().substring(location.prefix().length()))
                + ": "
                + error.message(),
            null);
      }
    } catch (Exception e) {
      throw S3Errors.classify("delete", uri(prefix), e);
    }
  }

  @Override
  public String uri(String key) {
    return location.uri(key);
  }

  private String object(String key) {
    return location.prefix() + key;
  }

  private GetObjectArgs getArgs(String key) {
    return GetObjectArgs.builder().bucket(location.bucket()).object(object(key)).build();
  }
}
