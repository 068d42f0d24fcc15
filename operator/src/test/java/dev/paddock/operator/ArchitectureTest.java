package dev.paddock.operator;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The layering of {@code operator/} that the design brief ("Layout") and the README state, checked
 * on the main classes (tests may cross layers freely):
 *
 * <ul>
 *   <li>the domain packages, which follow a study's flow, are plain Java: no Kubernetes client, no
 *       operator SDK, and they know neither driver nor the command line;
 *   <li>{@code manifest} validates as the API server does, so it reads fabric8's CRD model
 *       (JSONSchemaProps, ValidationRule) and its serializer, and nothing of a client that talks to
 *       a cluster;
 *   <li>the two drivers, {@code k8s} (reconcilers) and {@code local} ({@code paddock run}), do not
 *       know each other; only {@code cli} wires them, and {@code local} never needs a cluster;
 *   <li>the trainer contract's report endpoint lives in {@code report} alone, a leaf both drivers
 *       use;
 *   <li>no cycles between the top-level packages, nor between the subpackages of k8s.
 * </ul>
 *
 * <p>The trainer contract (environment names, termination message, epoch report client, artifact
 * store and layout) lives in the {@code contract} module, which the operator, the local runner and
 * the DJL trainer share; it is checked here as part of the domain.
 */
class ArchitectureTest {

  private static final String ROOT = "dev.paddock.operator";
  private static final String K8S = ROOT + ".k8s..";
  private static final String LOCAL = ROOT + ".local..";
  private static final String CLI = ROOT + ".cli..";
  private static final String REPORT = ROOT + ".epochreport..";

  /** The study's flow, as plain Java; {@code manifest} has its own rule below. */
  private static final String[] DOMAIN = {
    ROOT + ".study..",
    ROOT + ".search..",
    ROOT + ".pruning..",
    ROOT + ".grading..",
    ROOT + ".archive..",
    ROOT + ".retention..",
    ROOT + ".rollout..",
    ROOT + ".epochreport..",
    ROOT + ".studyreport..",
    // The collector sidecar (paddock collect) and what it shares with the local runner.
    ROOT + ".collector..",
    // The trainer contract (module contract/): shared by the operator, the local runner and the
    // trainers, so it can carry no cluster types either.
    "dev.paddock.contract..",
  };

  private static final String MANIFEST = ROOT + ".manifest..";

  /**
   * The main classes, imported once. Plain Jupiter tests rather than ArchUnit's {@code @ArchTest}
   * fields: run with surefire's {@code -Dtest=ArchitectureTest}, those fields were not run.
   */
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT, "dev.paddock.contract");

  @Test
  void domainHasNoKubernetesTypes() {
    noClasses()
        .that()
        .resideInAnyPackage(DOMAIN)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.fabric8..", "io.javaoperatorsdk..")
        .because(
            "the domain logic is plain Java with no Kubernetes types, so that the cluster"
                + " reconcilers and the local runner call the same code")
        .check(CLASSES);
  }

  @Test
  void domainKnowsNoDriver() {
    noClasses()
        .that()
        .resideInAnyPackage(DOMAIN)
        .or()
        .resideInAPackage(MANIFEST)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(K8S, LOCAL, CLI)
        .because("the drivers call the domain, never the other way round")
        .check(CLASSES);
  }

  @Test
  void manifestReadsOnlyTheCrdModel() {
    noClasses()
        .that()
        .resideInAPackage(MANIFEST)
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.javaoperatorsdk..")
                .or(
                    resideInAPackage("io.fabric8..")
                        .and(not(resideInAPackage("io.fabric8.kubernetes.api.model..")))
                        .and(not(equivalentTo(KubernetesSerialization.class)))))
        .because(
            "manifest validates a manifest as the API server would, from the CRD's schema, for"
                + " `paddock run`, where there is no cluster to ask")
        .check(CLASSES);
  }

  @Test
  void clusterDriverDoesNotUseLocalRunner() {
    noClasses()
        .that()
        .resideInAPackage(K8S)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(LOCAL)
        .because("the two drivers share the domain code, not each other")
        .check(CLASSES);
  }

  @Test
  void localRunnerDoesNotUseClusterDriver() {
    noClasses()
        .that()
        .resideInAPackage(LOCAL)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(K8S)
        .because("the two drivers share the domain code, not each other")
        .check(CLASSES);
  }

  @Test
  void onlyCliWiresTheClusterDriver() {
    classes()
        .that()
        .resideInAPackage(K8S)
        .should()
        .onlyHaveDependentClassesThat()
        .resideInAnyPackage(K8S, CLI)
        .check(CLASSES);
  }

  @Test
  void onlyCliWiresTheLocalRunner() {
    classes()
        .that()
        .resideInAPackage(LOCAL)
        .should()
        .onlyHaveDependentClassesThat()
        .resideInAnyPackage(LOCAL, CLI)
        .check(CLASSES);
  }

  @Test
  void nothingDependsOnTheCommandLine() {
    classes()
        .that()
        .resideInAPackage(CLI)
        .should()
        .onlyHaveDependentClassesThat()
        .resideInAPackage(CLI)
        .check(CLASSES);
  }

  @Test
  void localRunnerNeedsNoCluster() {
    noClasses()
        .that()
        .resideInAPackage(LOCAL)
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.javaoperatorsdk..")
                .or(
                    resideInAPackage("io.fabric8.kubernetes.client..")
                        .and(not(equivalentTo(KubernetesSerialization.class)))))
        .because("`paddock run` runs a study on a laptop, with no cluster")
        .check(CLASSES);
  }

  @Test
  void reportEndpointIsALeaf() {
    noClasses()
        .that()
        .resideInAPackage(REPORT)
        .should()
        .dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAPackage(REPORT))))
        .because(
            "the trainer contract's report endpoint is self-contained, so that it can move"
                + " into a module the trainer shares")
        .check(CLASSES);
  }

  /** Both drivers answer trainers' epoch reports through {@code report}. */
  @Test
  void bothDriversUseTheReportEndpoint() {
    Set<String> users = new TreeSet<>();
    for (var javaClass : CLASSES) {
      for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
        if (resideInAPackage(REPORT).test(dependency.getTargetClass())
            && resideInAnyPackage(K8S, LOCAL).test(javaClass)) {
          users.add(javaClass.getPackageName().startsWith(ROOT + ".k8s") ? "k8s" : "local");
        }
      }
    }
    assertThat(users).containsExactly("k8s", "local");
  }

  @Test
  void topLevelPackagesAreFreeOfCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  /**
   * The reconcilers' subpackages (k8s.study, k8s.trial, k8s.archive, ...) among themselves. Their
   * root package is not in it: k8s holds both the wiring (PaddockOperator, OperatorSettings) and
   * the helpers every subpackage uses (ClusterSettings, TrialCache, StudyTrials, ...), so each
   * subpackage and the root use each other today.
   */
  @Test
  void clusterDriverSubpackagesAreFreeOfCycles() {
    slices().matching(ROOT + ".k8s.(*)..").should().beFreeOfCycles().check(CLASSES);
  }
}
