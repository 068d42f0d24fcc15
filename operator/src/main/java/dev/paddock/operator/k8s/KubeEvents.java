package dev.paddock.operator.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events for the transitions a person wants to see in {@code kubectl describe}
 * (events.k8s.io/v1). Best effort: an event that cannot be written is logged, never fatal.
 */
public final class KubeEvents {

  private static final Logger LOG = LoggerFactory.getLogger(KubeEvents.class);
  private static final String CONTROLLER = "paddock.dev/operator";
  // The API server wants exactly six fractional digits in an event time.
  private static final java.time.format.DateTimeFormatter MICRO_TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSX")
          .withZone(java.time.ZoneOffset.UTC);

  private final KubernetesClient client;
  private final Clock clock;

  public KubeEvents(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public void normal(HasMetadata object, String reason, String message) {
    emit(object, "Normal", reason, message);
  }

  public void warning(HasMetadata object, String reason, String message) {
    emit(object, "Warning", reason, message);
  }

  private void emit(HasMetadata object, String type, String reason, String message) {
    String name =
        object.getMetadata().getName() + "." + UUID.randomUUID().toString().substring(0, 8);
    try {
      client
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .withNamespace(object.getMetadata().getNamespace())
                  .endMetadata()
                  .withEventTime(new MicroTime(MICRO_TIME.format(clock.instant())))
                  .withReportingController(CONTROLLER)
                  .withReportingInstance(CONTROLLER)
                  .withAction(reason)
                  .withReason(reason)
                  .withType(type)
                  .withNote(
                      message == null || message.length() <= 1024
                          ? message
                          : message.substring(0, 1024))
                  .withRegarding(
                      new ObjectReferenceBuilder()
                          .withApiVersion(object.getApiVersion())
                          .withKind(object.getKind())
                          .withName(object.getMetadata().getName())
                          .withNamespace(object.getMetadata().getNamespace())
                          .withUid(object.getMetadata().getUid())
                          .build())
                  .build())
          .create();
    } catch (KubernetesClientException e) {
      LOG.warn(
          "could not record event {} on {}: {}",
          reason,
          object.getMetadata().getName(),
          e.getMessage());
    }
  }
}
