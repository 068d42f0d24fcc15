package dev.paddock.operator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The domain logic (and the trainer contract, which the collector and the local runner share) is
 * plain Java: no Kubernetes client or operator-framework type, so that the cluster reconcilers and
 * the local runner call the same code (DESIGN.md).
 */
class DomainIsPlainJavaTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.paddock.operator", "dev.paddock.contract");

  @Test
  void domainPackagesUseNoKubernetesTypes() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.paddock.contract..",
            "dev.paddock.operator.search..",
            "dev.paddock.operator.pruning..",
            "dev.paddock.operator.grading..",
            "dev.paddock.operator.study..",
            "dev.paddock.operator.report..",
            "dev.paddock.operator.archive..",
            "dev.paddock.operator.retention..",
            "dev.paddock.operator.rollout..",
            "dev.paddock.operator.studyreport..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.fabric8..", "io.javaoperatorsdk..")
        .check(CLASSES);
  }
}
