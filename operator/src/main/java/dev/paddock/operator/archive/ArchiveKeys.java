package dev.paddock.operator.archive;

/** The store layout of DESIGN.md, in one place. */
public final class ArchiveKeys {

  private ArchiveKeys() {}

  public static String trial(String namespace, String study, String trial) {
    return "studies/" + namespace + "/" + study + "/trials/" + trial + "/";
  }

  public static String archived(String namespace, String study, String code) {
    return "archive/" + namespace + "/" + study + "/" + code + "/";
  }

  public static String indexEntry(String namespace, String study, String code) {
    return "archive/" + namespace + "/" + study + "/index/" + code + ".json";
  }

  public static String index(String namespace, String study) {
    return "archive/" + namespace + "/" + study + "/index/";
  }
}
