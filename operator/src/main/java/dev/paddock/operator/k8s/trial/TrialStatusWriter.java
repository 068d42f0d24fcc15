package dev.paddock.operator.k8s.trial;

import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.net.HttpURLConnection;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes a trial's status computed from its current one, with optimistic locking. The change is
 * first computed from the informer's copy; if the server has moved on since (the report endpoint
 * wrote epochs or a stop decision, or the cache is behind), the API server refuses the write (409)
 * and the change is computed again from the server's copy. So the usual write reads nothing from
 * the server, and no write undoes another one. The written trial goes into the informer's cache at
 * once, so the reconcile that the next pod or Job event brings sees it. (JOSDK's {@code
 * PrimaryUpdateAndCacheUtils} retries from the cache too, but cannot decline to write when the
 * fresh copy needs no change, e.g. a trial that another reconcile has already finished.)
 */
public final class TrialStatusWriter {

  private static final int MAX_CONFLICTS = 5;

  private TrialStatusWriter() {}

  /**
   * @param change the new status for a given current trial, or empty when there is nothing to write
   * @return the trial as written, or empty if nothing was written (no change, or the trial is gone)
   */
  static Optional<Trial> write(
      Trial cached, Context<Trial> context, Function<Trial, Optional<TrialStatus>> change) {
    Trial base = cached;
    for (int conflicts = 0; ; conflicts++) {
      Optional<TrialStatus> status = change.apply(base);
      if (status.isEmpty()) {
        return Optional.empty();
      }
      try {
        Trial written =
            apply(
                context.getClient(),
                context.getControllerConfiguration().fieldManager(),
                base,
                status.get());
        context
            .eventSourceRetriever()
            .getControllerEventSource()
            .handleRecentResourceUpdate(ResourceID.fromResource(base), written, base);
        return Optional.of(written);
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || conflicts == MAX_CONFLICTS) {
          throw e;
        }
        base = serverCopy(context.getClient(), base);
        if (base == null) {
          return Optional.empty();
        }
      }
    }
  }

  /**
   * Server-side apply of the whole status, valid only at the base's resourceVersion (at any when it
   * has none). The control-plane benchmark's bound writes its Trials' statuses with it too.
   */
  public static Trial apply(
      KubernetesClient client, String fieldManager, Trial base, TrialStatus status) {
    Trial fresh = new Trial();
    fresh.setMetadata(
        new ObjectMetaBuilder()
            .withName(base.getMetadata().getName())
            .withNamespace(base.getMetadata().getNamespace())
            .withResourceVersion(base.getMetadata().getResourceVersion())
            .build());
    fresh.setStatus(status);
    return client
        .resource(fresh)
        .subresource("status")
        .patch(
            new PatchContext.Builder()
                .withForce(true)
                .withFieldManager(fieldManager)
                .withPatchType(PatchType.SERVER_SIDE_APPLY)
                .build());
  }

  /** The server's copy of the trial (a read from etcd, not the cache), or null if it is gone. */
  static Trial serverCopy(KubernetesClient client, Trial trial) {
    return client
        .resources(Trial.class)
        .inNamespace(trial.getMetadata().getNamespace())
        .withName(trial.getMetadata().getName())
        .get();
  }
}
