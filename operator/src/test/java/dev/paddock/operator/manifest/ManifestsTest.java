package dev.paddock.operator.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.api.v1alpha1.ModelDeployment;
import dev.paddock.api.v1alpha1.TrainingStudy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading manifests for the local runner: typed results and clear refusals. */
class ManifestsTest {

  @TempDir Path dir;

  @Test
  void aStudyLoadsAsTheJavaType() {
    TrainingStudy study = Manifests.loadStudy(StudyFixture.QUICKSTART);

    assertThat(study.getMetadata().getName()).isEqualTo("quickstart");
    assertThat(study.getSpec().budget().maxTrials()).isEqualTo(12);
  }

  @Test
  void aModelDeploymentLoadsAsTheJavaType() {
    ModelDeployment deployment =
        Manifests.loadModelDeployment(
            Path.of("..", "examples", "quickstart", "model-deployment.yaml"));

    assertThat(deployment.getMetadata().getName()).isEqualTo("quickstart-serving");
  }

  @Test
  void aStudyIsNotAModelDeployment() {
    assertThatThrownBy(() -> Manifests.loadModelDeployment(StudyFixture.QUICKSTART))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessageContaining("holds a TrainingStudy, not a ModelDeployment");
  }

  @Test
  void anInvalidStudyIsRefusedWithTheServersMessage() {
    String yaml = StudyFixture.text().replace("maxTrials: 12", "maxTrials: 0");

    assertThatThrownBy(() -> Manifests.read(yaml, "study.yaml"))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessage(
            "TrainingStudy.paddock.dev \"quickstart\" is invalid: [spec.budget.maxTrials: Invalid"
                + " value: 0: spec.budget.maxTrials in body should be greater than or equal to 1,"
                + " spec.budget.parallelism: Invalid value: \"object\": budget.parallelism must"
                + " not exceed budget.maxTrials]");
  }

  @Test
  void textThatIsNotYamlIsRefused() {
    assertThatThrownBy(() -> Manifests.read("spec: [unclosed", "bad.yaml"))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessageStartingWith("bad.yaml is not valid YAML: ");
  }

  @Test
  void aDuplicateKeyIsRefused() {
    assertThatThrownBy(() -> Manifests.read("kind: A\nkind: B\n", "dup.yaml"))
        .hasMessageStartingWith("dup.yaml is not valid YAML: ")
        .hasMessageContaining("duplicate key kind");
  }

  @Test
  void twoDocumentsAreRefused() {
    String twice = StudyFixture.text() + "\n---\n" + StudyFixture.text();

    assertThatThrownBy(() -> Manifests.read(twice, "two.yaml"))
        .hasMessageContaining("must hold exactly one YAML document")
        .hasMessageContaining("found 2");
  }

  @Test
  void aListIsNotAManifest() {
    assertThatThrownBy(() -> Manifests.read("- a\n- b\n", "list.yaml"))
        .hasMessage(
            "list.yaml is not a Kubernetes manifest: expected a mapping with apiVersion, kind,"
                + " metadata and spec, found array");
  }

  @Test
  void aWrongApiVersionIsRefused() {
    String yaml = StudyFixture.text().replace("paddock.dev/v1alpha1", "paddock.dev/v1");

    assertThatThrownBy(() -> Manifests.read(yaml, "study.yaml"))
        .hasMessageStartingWith(
            "study.yaml: no matches for kind \"TrainingStudy\" in version \"paddock.dev/v1\"");
  }

  @Test
  void aTrialIsNotForTheLocalRunner() {
    String trial =
        "apiVersion: paddock.dev/v1alpha1\nkind: Trial\nmetadata: {name: t}\n"
            + "spec: {study: s, index: 1, epochs: 1, parameters: {}}\n";

    assertThatThrownBy(() -> Manifests.read(trial, "trial.yaml"))
        .hasMessageContaining("no matches for kind \"Trial\"")
        .hasMessageContaining("paddock run takes kind TrainingStudy or ModelDeployment");
  }

  @Test
  void aMissingKindIsRefused() {
    assertThatThrownBy(() -> Manifests.read("apiVersion: paddock.dev/v1alpha1\n", "k.yaml"))
        .hasMessageStartingWith("k.yaml: kind not set");
  }

  @Test
  void aMissingNameIsRefusedAsTheServerRefusesIt() {
    String yaml = StudyFixture.text().replace("  name: quickstart\n", "  labels: {a: b}\n");

    assertThatThrownBy(() -> Manifests.read(yaml, "study.yaml"))
        .hasMessage(
            "TrainingStudy.paddock.dev \"\" is invalid: [metadata.name: Required value: name or"
                + " generateName is required, <nil>: Invalid value: \"null\": "
                + ManifestValidator.RULES_NOT_CHECKED
                + "]");
  }

  @Test
  void anUnreadableFileIsRefused() {
    assertThatThrownBy(() -> Manifests.load(dir.resolve("missing.yaml")))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessageStartingWith("cannot read ");
  }

  @Test
  void aFileOnDiskIsRead() throws Exception {
    Path file = Files.writeString(dir.resolve("study.yaml"), StudyFixture.text());

    assertThat(Manifests.load(file)).isInstanceOf(TrainingStudy.class);
  }
}
