package dev.paddock.trainer.serve;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.paddock.contract.store.DirectoryStore;
import dev.paddock.trainer.TestRuns;
import dev.paddock.trainer.train.TrainRunner;
import dev.paddock.trainer.util.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} answers predictions from a model trained in the same test. */
class ServeTest {

  @TempDir Path dir;
  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(int port, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/predict"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesPredictionsHealthReadinessAndMetrics() throws Exception {
    var cfg =
        TestRuns.config(
            new dev.paddock.trainer.data.DataOptions(
                "synthetic:races?rows=1500",
                "won",
                List.of(),
                List.of("track"),
                "onehot",
                "binary",
                "random",
                null,
                List.of(),
                64,
                64,
                null),
            TestRuns.hp(Map.of("epochs", "3", "lr", "0.01")),
            dir,
            null,
            0);
    new TrainRunner(cfg).run();

    try (ModelService model =
            ModelService.load(new DirectoryStore(dir), NDManager.newBaseManager());
        PredictServer server = new PredictServer(model, "127.0.0.1", 0, 2)) {
      server.start();
      int port = server.port();
      assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);

      String favourite =
          "{\"track\":\"york\",\"distance\":1200,\"odds\":1.6,\"weight\":55,\"age\":5,\"form\":0.95,\"draw\":1}";
      String outsider =
          "{\"track\":\"epsom\",\"distance\":2400,\"odds\":30,\"weight\":58,\"age\":10,\"form\":0.05,\"draw\":16}";
      HttpResponse<String> r = post(port, "{\"rows\":[" + favourite + "," + outsider + "]}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode body = Json.MAPPER.readTree(r.body());
      assertThat(body.path("classes")).hasSize(2);
      assertThat(body.path("predictions")).hasSize(2);
      double pFav = body.path("probabilities").get(0).get(1).asDouble();
      double pOut = body.path("probabilities").get(1).get(1).asDouble();
      assertThat(pFav).isGreaterThan(pOut);
      assertThat(body.path("probabilities").get(0).get(0).asDouble() + pFav)
          .isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-6));

      HttpResponse<String> bad =
          post(port, "{\"rows\":[{\"track\":\"york\",\"distance\":\"far\"}]}");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("distance");

      String metrics = get(port, "/metrics").body();
      assertThat(metrics)
          .contains("paddock_predict_requests_total 2.0")
          .contains("paddock_predict_rows_total 2.0")
          .contains("paddock_predict_errors_total 1.0");
    }
  }
}
