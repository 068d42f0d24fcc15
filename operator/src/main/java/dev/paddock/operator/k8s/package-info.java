/**
 * The cluster side: JOSDK reconcilers and the Kubernetes objects they own. Thin by design: they map
 * custom-resource state to the plain-Java domain calls ({@code study}, {@code search}, {@code
 * pruning}, {@code grading}) and the results back to objects and status.
 */
package dev.paddock.operator.k8s;
