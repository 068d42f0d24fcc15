/**
 * The trainer contract (DESIGN.md, "The trainer contract") in one place, shared by the operator's
 * Jobs, the local runner and the metrics collector: the environment a trial's container gets
 * ({@link dev.paddock.contract.TrainerEnv}), the kubelet's {@code $(VAR)} expansion of its command
 * ({@link dev.paddock.contract.VarExpansion}) and the parser of metrics a trainer prints or writes
 * ({@link dev.paddock.contract.metrics.MetricsParser}). Plain Java: no Kubernetes types.
 */
package dev.paddock.contract;
