/**
 * The archive, on the trainer contract's artifact store ({@code dev.paddock.contract.store}): the
 * best trials' model, metadata, hyperparameters and metrics copied under {@code
 * archive/<ns>/<study>/<code>/} with a checksum manifest verified after the copy, and a per-study
 * index of one object per archived trial, so concurrent writers never race on a file.
 */
package dev.paddock.operator.archive;
