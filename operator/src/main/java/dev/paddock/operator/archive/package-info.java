/**
 * The artifact store (a local directory or S3/MinIO behind one interface) and the archive: the best
 * trials' model, metadata, hyperparameters and metrics copied under {@code
 * archive/<ns>/<study>/<code>/} with a checksum manifest verified after the copy, and a per-study
 * index of one object per archived trial, so concurrent writers never race on a file.
 */
package dev.paddock.operator.archive;
