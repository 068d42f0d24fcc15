/**
 * The trainer contract (DESIGN.md, "The trainer contract") in one place, shared by the operator's
 * Jobs, the local runner, the metrics collector and the DJL trainer: the environment a trial's
 * container gets ({@link dev.paddock.contract.TrainerEnv}), the kubelet's {@code $(VAR)} expansion
 * of its command ({@link dev.paddock.contract.VarExpansion}), the parser of metrics a trainer
 * prints or writes ({@link dev.paddock.contract.metrics.MetricsParser}), the trainer's final
 * summary ({@link dev.paddock.contract.TerminationMessage}), the epoch report client ({@link
 * dev.paddock.contract.report.EpochReporter}) and the artifact store and its layout ({@link
 * dev.paddock.contract.store.ArtifactStore}, {@link dev.paddock.contract.store.ArtifactLayout}).
 * Plain Java: no Kubernetes types.
 */
package dev.paddock.contract;
