package dev.paddock.api.v1alpha1.generate;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Orders each version's printer columns as the resource class declares them. */
final class DeclaredPrinterColumnOrder implements CRDPostProcessor {

  private static final String API_PACKAGE = "dev.paddock.api.v1alpha1.";

  @Override
  public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
    CustomResourceDefinition definition = (CustomResourceDefinition) crd;
    List<String> declared = declaredColumnNames(definition.getSpec().getNames().getKind());
    for (CustomResourceDefinitionVersion version : definition.getSpec().getVersions()) {
      if (version.getAdditionalPrinterColumns() != null) {
        version
            .getAdditionalPrinterColumns()
            .sort(
                Comparator.comparingInt(
                    (CustomResourceColumnDefinition c) -> declared.indexOf(c.getName())));
      }
    }
    return crd;
  }

  private static List<String> declaredColumnNames(String kind) {
    try {
      Class<?> type = Class.forName(API_PACKAGE + kind);
      return Arrays.stream(type.getAnnotationsByType(AdditionalPrinterColumn.class))
          .map(AdditionalPrinterColumn::name)
          .toList();
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no API type for kind " + kind, e);
    }
  }
}
