package dev.paddock.operator.k8s;

/** Labels and annotations Paddock puts on the objects it creates. */
public final class Labels {
  public static final String STUDY = "paddock.dev/study";
  public static final String TRIAL = "paddock.dev/trial";
  public static final String GENERATION = "paddock.dev/generation";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGER = "paddock";
  public static final String KUEUE_QUEUE = "kueue.x-k8s.io/queue-name";

  private Labels() {}
}
