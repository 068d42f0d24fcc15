/**
 * Manifests for {@code paddock run}: reads a TrainingStudy or ModelDeployment from YAML and
 * validates it as the Kubernetes API server would on create — strict field validation, the CRD's
 * OpenAPI schema and its CEL rules — so that a manifest a cluster would refuse is refused locally
 * with the same message. Entry points: {@link dev.paddock.operator.manifest.Manifests} and {@link
 * dev.paddock.operator.manifest.ManifestValidator}.
 */
package dev.paddock.operator.manifest;
