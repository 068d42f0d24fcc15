package dev.paddock.operator.k8s.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.operator.k8s.ClusterSettings;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrialJobsTest {

  private static final ClusterSettings SETTINGS =
      new ClusterSettings(
          "http://paddock.paddock-system:8080/v1/report",
          "s3://paddock",
          "http://minio:9000",
          "paddock-store",
          null,
          null);

  private static Job render(String extraSpec) {
    return TrialJobs.render(
        TrialFixtures.study("team-a", extraSpec),
        TrialFixtures.trial("team-a", 17, "uid-17"),
        SETTINGS,
        "v1.token");
  }

  private static Map<String, EnvVar> env(Job job) {
    Container trainer = job.getSpec().getTemplate().getSpec().getContainers().get(0);
    return trainer.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
  }

  @Test
  void theTrainerGetsTheTrialContract() {
    Map<String, EnvVar> env = env(render(""));

    assertThat(env.get("PADDOCK_TRIAL").getValue()).isEqualTo("team-a/quickstart-17");
    assertThat(env.get("PADDOCK_PARAMS").getValue())
        .isEqualTo("{\"batch_size\":\"64\",\"hidden\":\"64,32\",\"lr\":\"0.001\"}");
    assertThat(env.get("PADDOCK_PARAM_LR").getValue()).isEqualTo("0.001");
    assertThat(env.get("PADDOCK_PARAM_BATCH_SIZE").getValue()).isEqualTo("64");
    assertThat(env.get("PADDOCK_PARAM_HIDDEN").getValue()).isEqualTo("64,32");
    assertThat(env.get("PADDOCK_EPOCHS").getValue()).isEqualTo("10");
    assertThat(env.get("PADDOCK_ARTIFACTS").getValue())
        .isEqualTo("s3://paddock/studies/team-a/quickstart/trials/quickstart-17/");
    assertThat(env.get("PADDOCK_REPORT_URL").getValue())
        .isEqualTo("http://paddock.paddock-system:8080/v1/report");
    assertThat(env.get("PADDOCK_REPORT_TOKEN").getValue()).isEqualTo("v1.token");
    assertThat(env.get("PADDOCK_CHECKPOINT_EVERY").getValue()).isEqualTo("5");
    assertThat(env.get("PADDOCK_S3_ACCESS_KEY").getValueFrom().getSecretKeyRef().getName())
        .isEqualTo("paddock-store");
    assertThat(env.get("LOG_LEVEL").getValue()).isEqualTo("debug");
  }

  @Test
  void paddocksVariablesWinOverTheTemplates() {
    assertThat(render("").getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
        .filteredOn(e -> e.getName().equals("PADDOCK_EPOCHS"))
        .singleElement()
        .extracting(EnvVar::getValue)
        .isEqualTo("10");
  }

  @Test
  void theTemplatesOtherTrainerSettingsAreKept() throws Exception {
    String yaml =
        Files.readString(Path.of("..", "examples", "quickstart", "study.yaml"))
            .replace(
                "resources: {limits: {cpu: \"1\", memory: 1Gi}}",
                "env: [{name: PADDOCK_THREADS, value: \"1\"}, {name: PADDOCK_EPOCHS, value: \"9\"}]");
    TrainingStudy study = TrialFixtures.YAML.unmarshal(yaml, TrainingStudy.class);
    study.getMetadata().setNamespace("team-a");

    // env() collects by name: a duplicate variable would fail it.
    Map<String, EnvVar> env =
        env(
            TrialJobs.render(
                study, TrialFixtures.trial("team-a", 17, "uid-17"), SETTINGS, "v1.token"));

    assertThat(env.get("PADDOCK_THREADS").getValue()).isEqualTo("1");
    assertThat(env.get("PADDOCK_EPOCHS").getValue()).isEqualTo("10");
  }

  @Test
  void ownedByTheTrialLabelledAndWithItsTemplate() {
    Job job = render("");

    assertThat(job.getMetadata().getName()).isEqualTo("quickstart-17");
    assertThat(job.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getKind()).isEqualTo("Trial");
              assertThat(o.getUid()).isEqualTo("uid-17");
              assertThat(o.getController()).isTrue();
            });
    assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("paddock.dev/study", "quickstart")
        .containsEntry("paddock.dev/trial", "quickstart-17");
    Container trainer = job.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(trainer.getResources().getLimits()).containsKey("nvidia.com/gpu");
    assertThat(trainer.getImage()).isEqualTo("paddock/trainer:0.1.0");
    assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
    assertThat(job.getSpec().getBackoffLimit()).isEqualTo(1);
    // Set by the study once the trial has recorded its ending (StudyRetentionIT), not here.
    assertThat(job.getSpec().getTtlSecondsAfterFinished()).isNull();
    assertThat(job.getSpec().getSuspend()).isNull();
  }

  @Test
  void disruptionsAreIgnoredAndUserErrorsFailAtOnce() {
    var rules = render("").getSpec().getPodFailurePolicy().getRules();

    assertThat(rules.get(0).getAction()).isEqualTo("Ignore");
    assertThat(rules.get(0).getOnPodConditions())
        .singleElement()
        .satisfies(c -> assertThat(c.getType()).isEqualTo("DisruptionTarget"));
    assertThat(rules.get(1).getAction()).isEqualTo("FailJob");
    assertThat(rules.get(1).getOnExitCodes().getValues())
        .containsExactly(TrialJobs.USER_ERROR_EXIT_CODE);
  }

  @Test
  void aPodIsReplacedOnlyOnceItHasFailedForGood() {
    assertThat(render("").getSpec().getPodReplacementPolicy()).isEqualTo("Failed");
  }

  @Test
  void aKueueQueueSuspendsTheJobAndPriorityIsSet() {
    Job job = render("  scheduling: {priorityClassName: research-high, queueName: team-a}\n");

    assertThat(job.getSpec().getSuspend()).isTrue();
    assertThat(job.getMetadata().getLabels()).containsEntry("kueue.x-k8s.io/queue-name", "team-a");
    assertThat(job.getSpec().getTemplate().getSpec().getPriorityClassName())
        .isEqualTo("research-high");
  }

  @Test
  void renderingIsDeterministic() {
    assertThat(TrialFixtures.YAML.asYaml(render("")))
        .isEqualTo(TrialFixtures.YAML.asYaml(render("")));
  }

  @Test
  void theTrialPodRunsNonRootWithSeccompNoEscalationAndNoCapabilities() {
    var pod = render("").getSpec().getTemplate().getSpec();

    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    var trainer = pod.getContainers().get(0).getSecurityContext();
    assertThat(trainer.getRunAsNonRoot()).isTrue();
    assertThat(trainer.getAllowPrivilegeEscalation()).isFalse();
    assertThat(trainer.getCapabilities().getDrop()).containsExactly("ALL");
  }

  @Test
  void aTemplateThatRunsTheTrainerAsRootIsObeyed() {
    Job job =
        TrialJobs.render(
            TrialFixtures.study(
                "team-a",
                "",
                "\n            securityContext: {runAsUser: 0, allowPrivilegeEscalation: true}"),
            TrialFixtures.trial("team-a", 17, "uid-17"),
            SETTINGS,
            "v1.token");
    var pod = job.getSpec().getTemplate().getSpec();

    var trainer = pod.getContainers().get(0).getSecurityContext();
    assertThat(trainer.getRunAsUser()).isZero();
    assertThat(trainer.getRunAsNonRoot()).isNull();
    assertThat(trainer.getAllowPrivilegeEscalation()).isTrue();
    assertThat(trainer.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isNull();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
  }
}
