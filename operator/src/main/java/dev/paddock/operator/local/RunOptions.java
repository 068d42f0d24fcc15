package dev.paddock.operator.local;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Settings of a local run.
 *
 * @param manifest the TrainingStudy manifest
 * @param storeRoot where the run's files go ({@code .paddock/} next to the manifest by default)
 * @param trainer the {@code paddock-trainer} launcher
 * @param maxParallel trials at once on this machine (the study's parallelism is capped by it)
 * @param threadsPerTrial compute threads given to each trainer
 * @param artifacts where trial artifacts and the archive go (the store root by default)
 */
public record RunOptions(
    Path manifest,
    Path storeRoot,
    Path trainer,
    int maxParallel,
    int threadsPerTrial,
    Clock clock,
    ArtifactTarget artifacts) {

  public RunOptions {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(trainer, "trainer");
    manifest = manifest.toAbsolutePath().normalize();
    storeRoot = storeRoot != null ? storeRoot : manifest.getParent().resolve(".paddock");
    if (maxParallel < 1) {
      throw new IllegalArgumentException("maxParallel must be >= 1, got " + maxParallel);
    }
    threadsPerTrial = Math.max(1, threadsPerTrial);
    clock = Objects.requireNonNullElse(clock, Clock.systemUTC());
    artifacts = Objects.requireNonNullElse(artifacts, ArtifactTarget.LOCAL);
  }

  /** One trial per core, one thread each: what a small machine runs best. */
  public static RunOptions forMachine(Path manifest, Path storeRoot, Path trainer) {
    int cores = Runtime.getRuntime().availableProcessors();
    return new RunOptions(
        manifest, storeRoot, trainer, cores, 1, Clock.systemUTC(), ArtifactTarget.LOCAL);
  }
}
