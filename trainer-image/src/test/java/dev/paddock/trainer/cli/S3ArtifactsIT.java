package dev.paddock.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.contract.store.S3Settings;
import dev.paddock.contract.store.Stores;
import dev.paddock.testsupport.MinioExtension;
import dev.paddock.testsupport.MinioServer;
import dev.paddock.trainer.serve.ModelService;
import dev.paddock.trainer.serve.Prediction;
import dev.paddock.trainer.util.Json;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Data from and artifacts to a real MinIO, through the command line. */
@ExtendWith(MinioExtension.class)
class S3ArtifactsIT {

  static final String PREFIX = "s3://paddock/studies/default/churn-mlp/trials/churn-mlp-1/";

  @TempDir Path dir;

  @BeforeAll
  static void data(MinioServer minio) throws Exception {
    minio.createBucket("datasets");
    minio.createBucket("paddock");
    StringBuilder csv = new StringBuilder("tenure,plan,monthly,churned\n");
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    for (int i = 0; i < 600; i++) {
      int tenure = r.nextInt(60);
      String plan = r.nextBoolean() ? "basic" : "pro";
      double monthly = 20 + 80 * r.nextDouble();
      boolean churned = tenure < 12 && monthly > 50 || r.nextDouble() < 0.1;
      csv.append(tenure)
          .append(',')
          .append(plan)
          .append(',')
          .append(String.format("%.2f", monthly))
          .append(',')
          .append(churned ? "yes" : "no")
          .append('\n');
    }
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    minio
        .client()
        .putObject(
            PutObjectArgs.builder().bucket("datasets").object("churn.csv").stream(
                    new ByteArrayInputStream(bytes), bytes.length, -1)
                .build());
  }

  Map<String, String> env(MinioServer minio, String secret) {
    Map<String, String> env = new HashMap<>();
    env.put("PADDOCK_S3_ENDPOINT", minio.endpoint());
    env.put("PADDOCK_S3_ACCESS_KEY", minio.accessKey());
    env.put("PADDOCK_S3_SECRET_KEY", secret);
    env.put("PADDOCK_TERMINATION_LOG", dir.resolve("term.json").toString());
    env.put("PADDOCK_TRIAL", "default/churn-mlp-1");
    return env;
  }

  int train(Map<String, String> env, String... args) {
    TrainCommand cmd = new TrainCommand();
    cmd.env = env;
    return new CommandLine(cmd).execute(args);
  }

  JsonNode termination() throws Exception {
    return Json.MAPPER.readTree(Files.readString(dir.resolve("term.json")));
  }

  @Test
  void trainsFromS3DataToS3ArtifactsAndServesTheModelFromThere(MinioServer minio) throws Exception {
    Map<String, String> env = env(minio, minio.secretKey());
    env.put("PADDOCK_ARTIFACTS", PREFIX);
    env.put("PADDOCK_PARAMS", "{\"hidden\":\"16,8\",\"lr\":\"0.01\",\"batch_size\":\"64\"}");
    env.put("PADDOCK_EPOCHS", "4");
    int code =
        train(
            env,
            "--data",
            "s3://datasets/churn.csv",
            "--label",
            "churned",
            "--categorical",
            "plan",
            "--checkpoint-every",
            "2");
    assertThat(code).isZero();
    assertThat(termination().path("status").asText()).isEqualTo("completed");
    assertThat(termination().path("artifacts").asText()).isEqualTo(PREFIX);

    ArtifactStore store = Stores.open(PREFIX, S3Settings.fromEnv(env));
    assertThat(store.list(""))
        .contains(
            "model/model.json",
            "model/weights.params",
            "metadata.json",
            "hyperparams.json",
            "epoch_metrics.csv",
            "probability_stats.csv",
            "checkpoints/latest.json",
            "checkpoints/epoch-000002/weights.params");
    assertThat(
            new String(store.get("epoch_metrics.csv").orElseThrow(), StandardCharsets.UTF_8)
                .lines())
        .hasSize(5);

    try (ModelService model = ModelService.load(store, NDManager.newBaseManager())) {
      Prediction p =
          model.predict(
              List.of(
                  Map.of("tenure", 2, "plan", "pro", "monthly", 95.0),
                  Map.of("tenure", 50, "plan", "basic", "monthly", 25.0)));
      assertThat(p.classes()).containsExactly("no", "yes");
      assertThat(p.probabilities().get(0)[1]).isGreaterThan(p.probabilities().get(1)[1]);
    }
  }

  @Test
  void resumesFromAnS3Checkpoint(MinioServer minio) throws Exception {
    Map<String, String> env = env(minio, minio.secretKey());
    String prefix = "s3://paddock/studies/default/churn-mlp/trials/churn-mlp-2/";
    env.put("PADDOCK_ARTIFACTS", prefix);
    env.put("PADDOCK_PARAMS", "{\"hidden\":\"8\",\"batch_size\":\"64\"}");
    env.put("PADDOCK_EPOCHS", "2");
    assertThat(
            train(
                env,
                "--data",
                "s3://datasets/churn.csv",
                "--label",
                "churned",
                "--checkpoint-every",
                "1"))
        .isZero();
    // a longer run of the same trial resumes from the epoch-1 checkpoint
    env.put("PADDOCK_EPOCHS", "3");
    assertThat(
            train(
                env,
                "--data",
                "s3://datasets/churn.csv",
                "--label",
                "churned",
                "--checkpoint-every",
                "1"))
        .isZero();
    JsonNode meta =
        Json.MAPPER.readTree(
            Stores.open(prefix, S3Settings.fromEnv(env)).get("metadata.json").orElseThrow());
    assertThat(meta.path("resumed_from_epoch").asInt()).isEqualTo(1);
    assertThat(meta.path("epochs_completed").asInt()).isEqualTo(3);
  }

  @Test
  void refusedCredentialsAreAUserError(MinioServer minio) throws Exception {
    Map<String, String> env = env(minio, "not-the-secret");
    env.put("PADDOCK_ARTIFACTS", dir.toUri().toString());
    assertThat(train(env, "--data", "s3://datasets/churn.csv", "--label", "churned")).isEqualTo(2);
    assertThat(termination().path("retryable").asBoolean()).isFalse();
    assertThat(termination().path("error").asText())
        .contains("s3://datasets/churn.csv")
        .contains("credentials refused");
  }

  @Test
  void aMissingObjectIsAUserError(MinioServer minio) throws Exception {
    Map<String, String> env = env(minio, minio.secretKey());
    env.put("PADDOCK_ARTIFACTS", dir.toUri().toString());
    assertThat(train(env, "--data", "s3://datasets/nope.csv", "--label", "y")).isEqualTo(2);
    assertThat(termination().path("error").asText())
        .contains("s3://datasets/nope.csv")
        .contains("not found");
  }

  @Test
  void aStoreOutageIsRetryable(MinioServer minio) throws Exception {
    Map<String, String> env = env(minio, minio.secretKey());
    env.put("PADDOCK_ARTIFACTS", "s3://paddock/studies/default/churn-mlp/trials/churn-mlp-3/");
    minio.stop();
    try {
      assertThat(train(env, "--data", "s3://datasets/churn.csv", "--label", "churned"))
          .isEqualTo(3);
      assertThat(termination().path("retryable").asBoolean()).isTrue();
      assertThat(termination().path("error").asText()).contains("unreachable");
    } finally {
      minio.start();
    }
  }
}
