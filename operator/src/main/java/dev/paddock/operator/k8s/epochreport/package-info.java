/**
 * The report endpoint in the cluster: trainers' epoch reports recorded in memory, answered with the
 * shared pruner's decision, and written to Trial status coalesced, so API writes per trial stay
 * bounded whatever the number of epochs.
 */
package dev.paddock.operator.k8s.epochreport;
