package dev.paddock.operator.k8s.metrics;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Counts the operator's requests to the API server by method and status code ({@code
 * paddock_api_requests_total}) and the requests that got no answer ({@code
 * paddock_api_connection_failures_total}): API errors and write volume, seen from the operator.
 */
public final class ApiRequestMetrics implements Interceptor {

  private final MeterRegistry registry;

  private ApiRequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A client for {@code config} whose requests are counted in {@code registry}. */
  public static KubernetesClient client(Config config, MeterRegistry registry) {
    ApiRequestMetrics metrics = new ApiRequestMetrics(registry);
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("paddock-metrics", metrics))
        .build();
  }

  @Override
  public void after(
      HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> body) {
    registry
        .counter(
            "paddock.api.requests",
            "method",
            request.method(),
            "code",
            Integer.toString(response.code()))
        .increment();
  }

  @Override
  public void afterConnectionFailure(HttpRequest request, Throwable failure) {
    registry.counter("paddock.api.connection.failures", "method", request.method()).increment();
  }
}
