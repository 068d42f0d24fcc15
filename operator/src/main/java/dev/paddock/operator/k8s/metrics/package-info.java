/** The operator's own Prometheus metrics beside the operator SDK's. */
package dev.paddock.operator.k8s.metrics;
