/**
 * The operator's side of the artifact store: the store it opens from its settings (credentials only
 * from the Secret the Helm chart maps into its environment) and the records of trials that
 * retention deleted, kept in the store so a study still counts them.
 */
package dev.paddock.operator.k8s.archive;
