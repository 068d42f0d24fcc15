package dev.paddock.testsupport.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A container's readiness probe ({@code httpGet} on the pod IP, or {@code tcpSocket}), run every
 * {@code periodSeconds} after {@code initialDelaySeconds}: {@code successThreshold} successes in a
 * row make it ready, {@code failureThreshold} failures in a row unready. Only while the container
 * runs; results go to a callback that updates the pod's status.
 */
final class ReadinessProbeLoop implements Runnable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final Probe probe;
  private final Container container;
  private final String podIp;
  private final BooleanSupplier running;
  private final Consumer<Boolean> result;
  private int successes;
  private int failures;

  private ReadinessProbeLoop(
      Probe probe,
      Container container,
      String podIp,
      BooleanSupplier running,
      Consumer<Boolean> result) {
    this.probe = probe;
    this.container = container;
    this.podIp = podIp;
    this.running = running;
    this.result = result;
  }

  /** Whether the harness can probe this container (else it is ready as soon as it runs). */
  static boolean supported(Container container) {
    Probe probe = container.getReadinessProbe();
    return probe != null && (probe.getHttpGet() != null || probe.getTcpSocket() != null);
  }

  static ScheduledFuture<?> schedule(
      ScheduledExecutorService scheduler,
      Container container,
      String podIp,
      BooleanSupplier running,
      Consumer<Boolean> result) {
    Probe probe = container.getReadinessProbe();
    long delay = Objects.requireNonNullElse(probe.getInitialDelaySeconds(), 0);
    long period = Math.max(1, Objects.requireNonNullElse(probe.getPeriodSeconds(), 10));
    return scheduler.scheduleWithFixedDelay(
        new ReadinessProbeLoop(probe, container, podIp, running, result),
        delay * 1000,
        period * 1000,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void run() {
    if (!running.getAsBoolean()) {
      successes = 0;
      failures = 0;
      return;
    }
    if (succeeds()) {
      failures = 0;
      if (++successes >= Math.max(1, Objects.requireNonNullElse(probe.getSuccessThreshold(), 1))) {
        result.accept(true);
      }
    } else {
      successes = 0;
      if (++failures >= Math.max(1, Objects.requireNonNullElse(probe.getFailureThreshold(), 3))) {
        result.accept(false);
      }
    }
  }

  private boolean succeeds() {
    int timeout = Math.max(1, Objects.requireNonNullElse(probe.getTimeoutSeconds(), 1));
    try {
      if (probe.getHttpGet() != null) {
        HTTPGetAction get = probe.getHttpGet();
        String path = Objects.requireNonNullElse(get.getPath(), "/");
        String scheme = Objects.requireNonNullElse(get.getScheme(), "HTTP").toLowerCase();
        URI uri =
            URI.create(
                scheme
                    + "://"
                    + podIp
                    + ":"
                    + port(get.getPort())
                    + (path.startsWith("/") ? path : "/" + path));
        HttpResponse<Void> response =
            HTTP.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(timeout)).build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode() >= 200 && response.statusCode() < 400;
      }
      try (Socket socket = new Socket()) {
        socket.connect(
            new InetSocketAddress(podIp, port(probe.getTcpSocket().getPort())), timeout * 1000);
        return true;
      }
    } catch (IOException | RuntimeException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A named port is looked up among the container's ports. */
  private int port(IntOrString port) {
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    return Objects.requireNonNullElse(container.getPorts(), List.<ContainerPort>of()).stream()
        .filter(p -> port.getStrVal().equals(p.getName()))
        .map(ContainerPort::getContainerPort)
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no container port named " + port.getStrVal()));
  }
}
