/**
 * Paddock's API, group {@code paddock.dev}, version {@code v1alpha1}: {@link
 * dev.paddock.api.v1alpha1.TrainingStudy}, {@link dev.paddock.api.v1alpha1.Trial} and {@link
 * dev.paddock.api.v1alpha1.ModelDeployment}. The CRDs under {@code crds/manifests} are generated
 * from these types; validation lives in the schema (annotations and CEL rules) so the API server
 * refuses a bad manifest at {@code kubectl apply}.
 */
package dev.paddock.api.v1alpha1;
