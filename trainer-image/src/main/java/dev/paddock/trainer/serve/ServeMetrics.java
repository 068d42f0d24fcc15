package dev.paddock.trainer.serve;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Prometheus metrics of the prediction server. */
public final class ServeMetrics {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Timer latency =
      Timer.builder("paddock_predict_latency")
          .description("Time to answer a predict request")
          .publishPercentileHistogram()
          .register(registry);
  private final Counter requests =
      Counter.builder("paddock_predict_requests")
          .description("Predict requests")
          .register(registry);
  private final Counter rows =
      Counter.builder("paddock_predict_rows").description("Rows predicted").register(registry);
  private final Counter errors =
      Counter.builder("paddock_predict_errors")
          .description("Failed predict requests")
          .register(registry);

  public Timer latency() {
    return latency;
  }

  public void success(int n) {
    requests.increment();
    rows.increment(n);
  }

  public void failure() {
    requests.increment();
    errors.increment();
  }

  public String scrape() {
    return registry.scrape();
  }
}
