package dev.paddock.operator.k8s;

import dev.paddock.operator.epochreport.ReportTokens;
import java.util.Set;

/** The settings the cluster tests run an in-process operator with. */
public final class TestOperatorSettings {

  private TestOperatorSettings() {}

  /** Every namespace, four reconcile threads, no leader election, ports chosen by the system. */
  public static OperatorSettings allNamespaces(ClusterSettings cluster) {
    return new OperatorSettings(
        cluster, Set.of(), ReportTokens.randomKey(), 0, 0, 4, false, "paddock", "default", "it");
  }
}
