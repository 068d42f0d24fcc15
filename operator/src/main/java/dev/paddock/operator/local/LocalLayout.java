package dev.paddock.operator.local;

import dev.paddock.contract.store.ArtifactLayout;
import java.nio.file.Path;

/**
 * Where a local study keeps its files: the artifact store's layout (DESIGN.md) under one root, plus
 * the runner's own records beside the trainer's artifacts.
 *
 * <pre>
 * root/studies/ns/study/study.json                  the study's status
 * root/studies/ns/study/trials/trial/trial.json     the trial (spec and status)
 * root/studies/ns/study/trials/trial/...            the trainer's artifacts
 * root/archive/ns/study/code/...                    archived trials
 * root/deployments/name/slots.json                  promoted models (primary, backup)
 * root/reports/ns/study/report.{md,html}            the study report
 * </pre>
 */
public record LocalLayout(Path root, String namespace, String study) {

  public LocalLayout {
    root = root.toAbsolutePath().normalize();
  }

  public Path studyDir() {
    return root.resolve("studies").resolve(namespace).resolve(study);
  }

  public Path studyStatus() {
    return studyDir().resolve("study.json");
  }

  public Path trialsDir() {
    return studyDir().resolve("trials");
  }

  /** Records of trials removed by retention: the sampler still counts them. */
  public Path historyDir() {
    return studyDir().resolve("history");
  }

  public Path trialDir(String trial) {
    return trialsDir().resolve(trial);
  }

  public Path trialRecord(String trial) {
    return trialDir(trial).resolve("trial.json");
  }

  public Path terminationLog(String trial) {
    return trialDir(trial).resolve("termination-log");
  }

  public Path trainerLog(String trial) {
    return trialDir(trial).resolve("trainer.log");
  }

  /**
   * The trial's PADDOCK_OUTPUT_DIR: its artifact prefix in the store's layout, so that what a
   * trainer writes there (model files, plots, epoch_metrics.csv) is the trial's artifacts.
   */
  public Path outputDir(String trial) {
    return trialDir(trial);
  }

  /** The trial's PADDOCK_CHECKPOINT_DIR, kept across attempts (the store's checkpoints/). */
  public Path checkpointDir(String trial) {
    return trialDir(trial).resolve(ArtifactLayout.CHECKPOINTS);
  }

  public Path archiveDir() {
    return root.resolve("archive").resolve(namespace).resolve(study);
  }

  public Path deploymentsDir() {
    return root.resolve("deployments");
  }

  public Path reportDir() {
    return root.resolve("reports").resolve(namespace).resolve(study);
  }
}
