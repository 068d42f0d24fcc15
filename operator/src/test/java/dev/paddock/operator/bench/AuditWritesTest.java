package dev.paddock.operator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditWritesTest {

  private static String event(String stage, String verb, String agent, String ref) {
    return "{\"kind\":\"Event\",\"level\":\"Metadata\",\"stage\":\""
        + stage
        + "\",\"verb\":\""
        + verb
        + "\",\"userAgent\":\""
        + agent
        + "\",\"objectRef\":"
        + ref
        + "}";
  }

  private static final String TRIAL_STATUS =
      "{\"resource\":\"trials\",\"apiGroup\":\"paddock.dev\",\"subresource\":\"status\"}";
  private static final String JOBS = "{\"resource\":\"jobs\",\"apiGroup\":\"batch\"}";
  private static final String EVENTS = "{\"resource\":\"events\",\"apiGroup\":\"events.k8s.io\"}";

  @Test
  void countsTheCompletedWritesOfOneClientByVerbAndResource() {
    List<String> lines =
        List.of(
            event("ResponseComplete", "patch", "paddock-operator/0.1.0", TRIAL_STATUS),
            event("ResponseComplete", "patch", "paddock-operator/0.1.0", TRIAL_STATUS),
            event("RequestReceived", "patch", "paddock-operator/0.1.0", TRIAL_STATUS),
            event("ResponseComplete", "create", "paddock-operator/0.1.0", JOBS),
            event("ResponseComplete", "create", "paddock-operator/0.1.0", EVENTS),
            event("ResponseComplete", "get", "paddock-operator/0.1.0", JOBS),
            event("ResponseComplete", "watch", "paddock-operator/0.1.0", JOBS),
            event("ResponseComplete", "update", "kube-controller-manager/v1.33", JOBS),
            "");

    AuditWrites writes = AuditWrites.count(lines, "paddock-operator/");

    assertThat(writes.total()).isEqualTo(4);
    assertThat(writes.byRequest())
        .isEqualTo(
            Map.of(
                "create events.events.k8s.io", 1,
                "create jobs.batch", 1,
                "patch trials.paddock.dev/status", 2));
  }

  @Test
  void countsOneNamespaceWhenAsked() {
    String measured = "{\"resource\":\"jobs\",\"apiGroup\":\"batch\",\"namespace\":\"run\"}";
    String warmUp = "{\"resource\":\"jobs\",\"apiGroup\":\"batch\",\"namespace\":\"warm\"}";
    List<String> lines =
        List.of(
            event("ResponseComplete", "create", "paddock-operator/0.1.0", measured),
            event("ResponseComplete", "create", "paddock-operator/0.1.0", warmUp),
            event("ResponseComplete", "create", "paddock-operator/0.1.0", warmUp));

    assertThat(AuditWrites.count(lines, "paddock-operator/", "run").total()).isEqualTo(1);
    assertThat(AuditWrites.count(lines, "paddock-operator/").total()).isEqualTo(3);
  }

  @Test
  void namesACoreResourceWithoutAGroup() {
    String pods = "{\"resource\":\"pods\",\"subresource\":\"binding\"}";

    AuditWrites writes =
        AuditWrites.count(
            List.of(event("ResponseComplete", "create", "kube-scheduler/v1.33", pods)),
            "kube-scheduler");

    assertThat(writes.byRequest()).isEqualTo(Map.of("create pods/binding", 1));
  }

  @Test
  void readsTheLinesAppendedAfterAnOffset(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("audit.log");
    Files.writeString(log, "first\n");
    long offset = Files.size(log);
    Files.writeString(log, "second\nthird\n", java.nio.file.StandardOpenOption.APPEND);

    assertThat(AuditWrites.linesFrom(log, offset)).containsExactly("second", "third");
  }
}
