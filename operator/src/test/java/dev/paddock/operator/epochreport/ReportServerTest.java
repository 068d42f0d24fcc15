package dev.paddock.operator.epochreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The endpoint over real HTTP on loopback, with a listener that records what it is given. */
class ReportServerTest {

  private final ReportTokens tokens = new ReportTokens(ReportTokens.randomKey());
  private final List<EpochReport> received = new CopyOnWriteArrayList<>();
  private final ReportServer server =
      ReportServer.start(
          new InetSocketAddress("127.0.0.1", 0),
          tokens,
          report -> {
            if (report.trial().name().equals("unknown")) {
              throw new ReportListener.UnknownTrialException(report.trial());
            }
            if (report.trial().name().equals("ended")) {
              throw new ReportListener.TrialEndedException(report.trial());
            }
            if (!report.trialUid().equals("uid-of-" + report.trial().name())) {
              throw new ReportListener.NotThisTrialException(report.trial());
            }
            received.add(report);
            return report.epoch() >= 3
                ? ReportAnswer.stop("epoch 3: below median")
                : ReportAnswer.proceed("ok");
          },
          2);
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anAuthenticatedReportIsRecordedAndAnswered() throws Exception {
    TrialRef trial = new TrialRef("ns", "s-1");

    HttpResponse<String> first = post(issue(trial), body("ns/s-1", 1));
    HttpResponse<String> third = post(issue(trial), body("ns/s-1", 3));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).isEqualTo("{\"decision\":\"continue\",\"reason\":\"ok\"}");
    assertThat(third.body())
        .isEqualTo("{\"decision\":\"stop\",\"reason\":\"epoch 3: below median\"}");
    assertThat(received).extracting(EpochReport::epoch).containsExactly(1, 3);
    assertThat(received.get(0).metrics()).containsEntry("val_f1", 0.5);
  }

  @Test
  void aPodCannotReportForAnotherTrial() throws Exception {
    String tokenOfS1 = issue(new TrialRef("ns", "s-1"));

    HttpResponse<String> response = post(tokenOfS1, body("ns/s-2", 1));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(received).isEmpty();
  }

  @Test
  void missingTokenMalformedBodyAndUnknownTrialAreRefused() throws Exception {
    assertThat(post(null, body("ns/s-1", 1)).statusCode()).isEqualTo(401);
    assertThat(
            post(issue(new TrialRef("ns", "s-1")), "{\"trial\":\"ns/s-1\",\"epoch\":\"x\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            post(
                    issue(new TrialRef("ns", "s-1")),
                    "{\"trial\":\"ns/s-1\",\"epoch\":1,\"metrics\":{\"a\":\"b\"}}")
                .body())
        .contains("metric a is not a number");
    assertThat(post(issue(new TrialRef("ns", "unknown")), body("ns/unknown", 1)).statusCode())
        .isEqualTo(404);
    assertThat(received).isEmpty();
  }

  @Test
  void theTrialObjectTheTokenNamesIsHandedOn() throws Exception {
    TrialRef trial = new TrialRef("ns", "s-1");

    HttpResponse<String> ok = post(issue(trial), body("ns/s-1", 1));
    HttpResponse<String> earlierObject = post(tokens.issue(trial, "uid-before"), body("ns/s-1", 2));

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(earlierObject.statusCode()).isEqualTo(403);
    assertThat(received).extracting(EpochReport::trialUid).containsExactly("uid-of-s-1");
  }

  @Test
  void aTrialThatHasEndedIsToldItIsGoneAndToStop() throws Exception {
    HttpResponse<String> response = post(issue(new TrialRef("ns", "ended")), body("ns/ended", 9));

    assertThat(response.statusCode()).isEqualTo(410);
    assertThat(response.body()).contains("\"decision\":\"stop\"").contains("has ended");
    assertThat(received).isEmpty();
  }

  @Test
  void aTokenOfTheOldFormatIsRefused() throws Exception {
    assertThat(post("v1.c29tZXRoaW5n", body("ns/s-1", 1)).statusCode()).isEqualTo(403);
    assertThat(received).isEmpty();
  }

  private String issue(TrialRef trial) {
    return tokens.issue(trial, "uid-of-" + trial.name());
  }

  private static String body(String trial, int epoch) {
    return "{\"trial\":\"" + trial + "\",\"epoch\":" + epoch + ",\"metrics\":{\"val_f1\":0.5}}";
  }

  private HttpResponse<String> post(String token, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.url()).POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
