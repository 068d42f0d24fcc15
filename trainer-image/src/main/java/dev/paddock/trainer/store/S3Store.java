package dev.paddock.trainer.store;

import dev.paddock.trainer.util.TrainerException;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.UploadObjectArgs;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** An {@link ArtifactStore} in an S3 bucket (MinIO or AWS) under a key prefix. */
public final class S3Store implements ArtifactStore {

  private final MinioClient client;
  private final String bucket;
  private final String prefix;

  public S3Store(MinioClient client, String bucket, String prefix) {
    this.client = client;
    this.bucket = bucket;
    this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
  }

  /** A MinIO client for the settings, with short timeouts so an outage fails fast. */
  public static MinioClient client(S3Settings s) {
    if (s.accessKey() == null || s.secretKey() == null) {
      throw TrainerException.user(
          "s3:// needs credentials: set PADDOCK_S3_ACCESS_KEY and PADDOCK_S3_SECRET_KEY");
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
      throw TrainerException.user("bad S3 endpoint '" + s.endpoint() + "': " + e.getMessage(), e);
    }
  }

  @Override
  public void put(String key, byte[] bytes) {
    try {
      client.putObject(
          PutObjectArgs.builder().bucket(bucket).object(prefix + key).stream(
                  new ByteArrayInputStream(bytes), bytes.length, -1)
              .build());
    } catch (Exception e) {
      throw S3Errors.classify("cannot write", uri(key), e);
    }
  }

  @Override
  public void putFile(String key, Path file) {
    try {
      client.uploadObject(
          UploadObjectArgs.builder()
              .bucket(bucket)
              .object(prefix + key)
              .filename(file.toString())
              .build());
    } catch (Exception e) {
      throw S3Errors.classify("cannot write", uri(key), e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    try (InputStream in =
        client.getObject(GetObjectArgs.builder().bucket(bucket).object(prefix + key).build())) {
      return Optional.of(in.readAllBytes());
    } catch (Exception e) {
      if (S3Errors.isMissing(e)) {
        return Optional.empty();
      }
      throw S3Errors.classify("cannot read", uri(key), e);
    }
  }

  @Override
  public InputStream open(String key) {
    try {
      return client.getObject(GetObjectArgs.builder().bucket(bucket).object(prefix + key).build());
    } catch (Exception e) {
      throw S3Errors.classify("cannot read", uri(key), e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      client.removeObject(
          io.minio.RemoveObjectArgs.builder().bucket(bucket).object(prefix + key).build());
    } catch (Exception e) {
      throw S3Errors.classify("cannot delete", uri(key), e);
    }
  }

  @Override
  public List<String> list(String sub) {
    List<String> keys = new ArrayList<>();
    try {
      for (Result<Item> r :
          client.listObjects(
              ListObjectsArgs.builder()
                  .bucket(bucket)
                  .prefix(prefix + sub)
                  .recursive(true)
                  .build())) {
        Item item = r.get();
        if (!item.isDir()) {
          keys.add(item.objectName().substring(prefix.length()));
        }
      }
    } catch (Exception e) {
      throw S3Errors.classify("cannot list", uri(sub), e);
    }
    keys.sort(null);
    return keys;
  }

  @Override
  public String uri(String key) {
    return "s3://" + bucket + "/" + prefix + key;
  }
}
