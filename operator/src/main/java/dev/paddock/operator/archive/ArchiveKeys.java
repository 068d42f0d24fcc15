package dev.paddock.operator.archive;

import dev.paddock.contract.store.ArtifactLayout;

/** The store layout of DESIGN.md: the contract's trial and archive prefixes, and the index. */
public final class ArchiveKeys {

  private ArchiveKeys() {}

  public static String trial(String namespace, String study, String trial) {
    return ArtifactLayout.trial(namespace, study, trial);
  }

  public static String archived(String namespace, String study, String code) {
    return ArtifactLayout.archived(namespace, study, code);
  }

  public static String indexEntry(String namespace, String study, String code) {
    return "archive/" + namespace + "/" + study + "/index/" + code + ".json";
  }

  public static String index(String namespace, String study) {
    return "archive/" + namespace + "/" + study + "/index/";
  }
}
