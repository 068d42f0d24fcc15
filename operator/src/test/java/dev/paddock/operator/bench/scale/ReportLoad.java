package dev.paddock.operator.bench.scale;

import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.operator.epochreport.ReportTokens;
import dev.paddock.operator.epochreport.TrialRef;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulated trainers against the operator's report endpoint: each takes a Running trial of the
 * study, mints its token as the operator does ({@link ReportTokens} with the operator's key and the
 * Trial's UID) and posts one epoch a second ({@code val_f1}, {@code val_loss}), waiting for each
 * answer as a trainer does (a tick that comes while the last report is unanswered is counted late
 * and skipped). When its trial ends (410) or is told to stop, it takes another Running trial.
 * Latency is the client's: request sent to answer read.
 */
final class ReportLoad {

  record Result(
      int trainers,
      double seconds,
      long sent,
      long ok,
      long ended,
      long errors,
      long late,
      long idle,
      long distinctTrials,
      double p50,
      double p99,
      double max,
      Map<Integer, Long> statuses,
      Map<String, Long> failures) {

    double perSecond() {
      return sent / seconds;
    }

    double errorRate() {
      return sent == 0 ? 0 : (double) errors / sent;
    }
  }

  private final URI url;
  private final ReportTokens tokens;
  private final StudyWatch watch;
  private final String namespace;
  private final String study;
  private final ConcurrentLinkedQueue<Trial> pool = new ConcurrentLinkedQueue<>();
  private final java.util.Set<String> distinct = ConcurrentHashMap.newKeySet();
  private final HttpClient http;
  private final ExecutorService httpThreads = Executors.newFixedThreadPool(4);
  private final long[] latencies = new long[4_000_000];
  private final AtomicInteger latencyCount = new AtomicInteger();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong ended = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong late = new AtomicLong();
  private final AtomicLong idle = new AtomicLong();
  private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
  private final Map<String, Long> failures = new ConcurrentHashMap<>();

  ReportLoad(URI url, byte[] key, StudyWatch watch, String namespace, String study) {
    this.url = url;
    this.tokens = new ReportTokens(key);
    this.watch = watch;
    this.namespace = namespace;
    this.study = study;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(httpThreads)
            .build();
  }

  /** One simulated trainer. */
  private final class Trainer {
    private Trial trial;
    private String token;
    private int epoch;
    private volatile boolean waiting;

    void tick() {
      if (waiting) {
        late.incrementAndGet();
        return;
      }
      if (trial == null && !take()) {
        idle.incrementAndGet();
        return;
      }
      epoch++;
      String body =
          String.format(
              Locale.ROOT,
              "{\"trial\":\"%s/%s\",\"epoch\":%d,\"metrics\":{\"val_f1\":%.4f,\"val_loss\":%.4f}}",
              namespace,
              trial.getMetadata().getName(),
              epoch,
              0.5 + 0.4 * (1 - Math.exp(-epoch / 20.0)),
              1.0 / (1 + epoch));
      HttpRequest request =
          HttpRequest.newBuilder(url)
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      waiting = true;
      long start = System.nanoTime();
      sent.incrementAndGet();
      http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (response, failure) -> {
                long took = System.nanoTime() - start;
                int slot = latencyCount.getAndIncrement();
                if (slot < latencies.length) {
                  latencies[slot] = took;
                }
                if (failure != null) {
                  errors.incrementAndGet();
                  Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                  failures.merge(cause.getClass().getSimpleName(), 1L, Long::sum);
                  statuses.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
                } else {
                  int code = response.statusCode();
                  statuses.computeIfAbsent(code, s -> new AtomicLong()).incrementAndGet();
                  if (code == 200 && !response.body().contains("\"stop\"")) {
                    ok.incrementAndGet();
                  } else if (code == 200 || code == 410) {
                    // the trial was told to stop or has ended: a trainer's run is over
                    ended.incrementAndGet();
                    trial = null;
                  } else {
                    errors.incrementAndGet();
                  }
                }
                waiting = false;
              });
    }

    private boolean take() {
      for (Trial next; (next = next()) != null; ) {
        Trial now = watch.current(namespace, next.getMetadata().getName());
        if (now == null
            || now.getStatus() == null
            || now.getStatus().phase() != TrialPhase.Running
            || !distinct.add(now.getMetadata().getName())) {
          continue;
        }
        trial = now;
        token =
            tokens.issue(
                new TrialRef(namespace, now.getMetadata().getName()), now.getMetadata().getUid());
        epoch = 0;
        return true;
      }
      return false;
    }
  }

  private Trial next() {
    Trial trial;
    while ((trial = watch.newlyRunning().poll()) != null) {
      if (study.equals(trial.getSpec().study())) {
        pool.add(trial);
      }
    }
    return pool.poll();
  }

  /** Runs {@code trainers} trainers for {@code duration}, each reporting once a second. */
  Result run(int trainers, Duration duration) {
    ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
    long start = System.nanoTime();
    try {
      for (int i = 0; i < trainers; i++) {
        Trainer trainer = new Trainer();
        ticks.scheduleAtFixedRate(
            trainer::tick, (long) i * 1000 / trainers, 1000, TimeUnit.MILLISECONDS);
      }
      StudyWatch.sleep(duration.toMillis());
    } finally {
      ticks.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    // answers still on their way are waited for, so that every request sent is counted
    long drain = System.nanoTime() + 30_000_000_000L;
    while (latencyCount.get() < sent.get() && System.nanoTime() < drain) {
      StudyWatch.sleep(50);
    }
    httpThreads.shutdownNow();
    int n = Math.min(latencyCount.get(), latencies.length);
    long[] sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    Map<Integer, Long> codes = new java.util.TreeMap<>();
    statuses.forEach((k, v) -> codes.put(k, v.get()));
    return new Result(
        trainers,
        seconds,
        sent.get(),
        ok.get(),
        ended.get(),
        errors.get(),
        late.get(),
        idle.get(),
        distinct.size(),
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        n == 0 ? Double.NaN : sorted[n - 1] / 1e6,
        codes,
        new java.util.TreeMap<>(failures));
  }

  private static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
