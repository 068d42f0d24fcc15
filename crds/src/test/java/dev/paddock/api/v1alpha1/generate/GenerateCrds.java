package dev.paddock.api.v1alpha1.generate;

import dev.paddock.api.v1alpha1.ModelDeployment;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import io.fabric8.crdv2.generator.CRDGenerator;
import java.io.File;

/**
 * Generates the CRDs from the API types (run by the build at process-test-classes, into {@code
 * target/generated-crds}). Uses fabric8's generator with one post-processing step: printer columns
 * keep the order in which the type declares them, where the plain generator sorts them by JSON path
 * (which put AGE first in {@code kubectl get}).
 */
public final class GenerateCrds {

  private GenerateCrds() {}

  public static void main(String[] args) {
    File output = new File(args.length > 0 ? args[0] : "target/generated-crds");
    output.mkdirs();
    int generated =
        new CRDGenerator()
            .inOutputDir(output)
            .forCRDVersions("v1")
            .withPostProcessor(new DeclaredPrinterColumnOrder())
            .customResourceClasses(TrainingStudy.class, Trial.class, ModelDeployment.class)
            .generate();
    System.out.printf("generated %d CRDs into %s%n", generated, output);
  }
}
