package dev.paddock.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.KubeClusterExtension;
import dev.paddock.testsupport.TestComponents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a person sees with kubectl: explain docs, short names, printer columns. */
@ExtendWith(KubeClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubectlIT {

  private Path kubeconfig;
  private String namespace;

  @BeforeAll
  void setUp(KubeCluster cluster) throws IOException {
    kubeconfig = Files.createTempFile("kubeconfig", ".yaml");
    Files.writeString(kubeconfig, cluster.kubeconfig());
    namespace = cluster.createNamespace("kubectl");
    kubectl("apply", "-n", namespace, "-f", Path.of("..", "examples", "quickstart").toString());
  }

  @Test
  void explainReadsLikeDocumentation() {
    String out = kubectl("explain", "trainingstudy.spec.search");

    assertThat(out)
        .contains("The search space and the algorithm that explores it")
        .contains("algorithm")
        .contains("(Tree-structured Parzen Estimator)");
  }

  @Test
  void shortNamesAndPrinterColumns() {
    assertThat(kubectl("get", "study", "-n", namespace).lines().findFirst().orElseThrow())
        .containsSubsequence(
            "NAME", "PHASE", "DONE", "ADMITTED", "QUEUED", "TOTAL", "BEST", "GRADE", "AGE");
    assertThat(kubectl("get", "study", "-n", namespace)).contains("quickstart");
    assertThat(kubectl("get", "mdep", "-n", namespace)).contains("quickstart-serving");
    assertThat(kubectl("get", "trial", "-n", namespace)).contains("No resources found");
  }

  private String kubectl(String... args) {
    List<String> command = new ArrayList<>();
    command.add(TestComponents.k8sBinary("kubectl").toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).withFailMessage("%s failed:%n%s", command, out).isZero();
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
