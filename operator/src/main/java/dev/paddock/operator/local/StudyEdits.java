package dev.paddock.operator.local;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.operator.manifest.InvalidManifestException;
import dev.paddock.operator.manifest.Manifests;
import java.nio.file.Files;

/**
 * Refuses a run whose manifest edits a field that the study already in the store may not change
 * (its objective, search, epochs, trainer): the CRD's own transition rules, evaluated against the
 * spec the store recorded ({@code study.json}), with the API server's message, before anything is
 * written.
 */
final class StudyEdits {

  private StudyEdits() {}

  /**
   * @throws InvalidManifestException whose first line is the server's refusal of the same edit,
   *     followed by what to do instead
   */
  static void check(LocalLayout layout, TrainingStudy study) {
    if (!Files.isRegularFile(layout.studyStatus())) {
      return;
    }
    TrainingStudy recorded = JsonFiles.read(layout.studyStatus(), TrainingStudy.class);
    try {
      Manifests.checkEdit(recorded, study);
    } catch (InvalidManifestException e) {
      throw new InvalidManifestException(e.getMessage() + "\n" + hint(layout), e.errors());
    }
  }

  private static String hint(LocalLayout layout) {
    return "The store "
        + layout.root()
        + " already holds study "
        + layout.namespace()
        + "/"
        + layout.study()
        + ", started from a manifest without this edit; nothing was changed. To run the edited"
        + " study, give it a new metadata.name or use a fresh --store; to go on with the recorded"
        + " one, undo the edit.";
  }
}
