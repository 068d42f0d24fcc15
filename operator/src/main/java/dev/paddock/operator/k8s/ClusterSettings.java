package dev.paddock.operator.k8s;

import java.util.Objects;

/**
 * How the operator is installed: where trainers report, where artifacts go and with which
 * credentials (a Secret in the trial's namespace), and which extended resource counts as a GPU.
 *
 * @param reportUrl the report endpoint as trial pods reach it (the operator's Service)
 * @param artifactRoot {@code s3://bucket/} or {@code file:///path/}: trial artifacts go under it
 * @param storeEndpoint S3 endpoint (e.g. http://minio.paddock:9000); null for file stores
 * @param storeSecret Secret with keys {@code accessKey} and {@code secretKey}; null for none
 * @param gpuResource extended resource counted as GPUs, e.g. {@code nvidia.com/gpu}
 * @param collectorImage the image of a collected trial's collector sidecar ({@code paddock
 *     collect}): the operator's own image; {@link #DEFAULT_COLLECTOR_IMAGE} when null
 */
public record ClusterSettings(
    String reportUrl,
    String artifactRoot,
    String storeEndpoint,
    String storeSecret,
    String gpuResource,
    String collectorImage) {

  public static final String DEFAULT_COLLECTOR_IMAGE = "paddock/operator:0.1.0";

  public ClusterSettings {
    Objects.requireNonNull(reportUrl, "reportUrl");
    Objects.requireNonNull(artifactRoot, "artifactRoot");
    artifactRoot = artifactRoot.endsWith("/") ? artifactRoot : artifactRoot + "/";
    gpuResource = Objects.requireNonNullElse(gpuResource, "nvidia.com/gpu");
    collectorImage = Objects.requireNonNullElse(collectorImage, DEFAULT_COLLECTOR_IMAGE);
  }
}
