package dev.paddock.operator.k8s.study;

import dev.paddock.api.v1alpha1.Trial;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Removes the Jobs (and, by propagation, the pods) of finished trials after {@code podTTLSeconds}
 * through Kubernetes' own TTL-after-finished controller: once a trial has recorded its ending, its
 * Job gets {@code ttlSecondsAfterFinished}, which that controller counts from the Job's completion.
 * Setting it only then (not when the Job is created) means a short TTL can never delete a Job, and
 * the pods whose termination message holds the trial's final metrics, before the trial has read
 * them. Each Job is patched once per operator process.
 */
final class JobTtl {

  private final Map<String, Set<String>> patched = new ConcurrentHashMap<>();

  void apply(
      KubernetesClient client, String studyUid, Collection<Trial> finished, long ttlSeconds) {
    Set<String> done = patched.computeIfAbsent(studyUid, uid -> ConcurrentHashMap.newKeySet());
    Set<String> present =
        finished.stream().map(t -> t.getMetadata().getUid()).collect(Collectors.toSet());
    done.retainAll(present);
    String patch = "{\"spec\":{\"ttlSecondsAfterFinished\":" + ttlSeconds + "}}";
    for (Trial trial : finished) {
      if (done.contains(trial.getMetadata().getUid())) {
        continue;
      }
      try {
        client
            .batch()
            .v1()
            .jobs()
            .inNamespace(trial.getMetadata().getNamespace())
            .withName(trial.getMetadata().getName())
            .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
          throw e;
        }
      }
      done.add(trial.getMetadata().getUid());
    }
  }

  void forget(String studyUid) {
    patched.remove(studyUid);
  }
}
