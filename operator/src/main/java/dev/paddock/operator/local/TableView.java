package dev.paddock.operator.local;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A live table redrawn in place on a terminal (trial, parameters, epoch, objective, grade, state)
 * under a progress bar with the ETA. Where output is not a terminal, it prints one line per event
 * instead.
 */
public final class TableView implements ProgressView {

  private static final int BAR_WIDTH = 30;
  private static final int MAX_ROWS = 20;

  /** Events shown as one line whatever the output, with the words that introduce them. */
  private static final Map<String, String> NOTICES =
      Map.of("archive-skipped", "archive skipped: ", "parallelism-capped", "");

  private final PrintStream out;
  private final boolean terminal;
  private int linesDrawn;
  private Object report;
  private long lastDraw;

  public TableView(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public void update(RunSnapshot snapshot) {
    long now = System.nanoTime();
    if (!terminal || now - lastDraw < 250_000_000L) {
      return;
    }
    lastDraw = now;
    draw(snapshot);
  }

  @Override
  public void event(RunEvent event) {
    if ("report-written".equals(event.type())) {
      report = event.fields().get("report");
      return;
    }
    if (NOTICES.containsKey(event.type())) {
      // Printed on a terminal too; the table is then redrawn below the notice.
      out.println("paddock: " + NOTICES.get(event.type()) + event.fields().get("message"));
      linesDrawn = 0;
      return;
    }
    if (terminal) {
      return;
    }
    Map<String, Object> f = event.fields();
    String line =
        switch (event.type()) {
          case "trial-started" -> "started  " + f.get("trial") + " " + f.get("parameters");
          case "trial-finished", "trial-retrying" ->
              String.format(
                  Locale.ROOT,
                  "%-8s %s %s grade=%s code=%s (%s)",
                  String.valueOf(f.get("phase")).toLowerCase(Locale.ROOT),
                  f.get("trial"),
                  number(f.get("objective")),
                  dash(f.get("grade")),
                  dash(f.get("code")),
                  f.get("message"));
          default -> event.type() + " " + f;
        };
    out.println(line);
  }

  @Override
  public void finish(RunSnapshot snapshot) {
    if (terminal) {
      draw(snapshot);
    }
    out.printf(
        Locale.ROOT,
        "%s %s in %s: %s%n",
        snapshot.study(),
        snapshot.phase().toLowerCase(Locale.ROOT),
        duration(snapshot.elapsed()),
        snapshot.message());
    if (report != null) {
      out.println("report: " + report);
    }
  }

  private void draw(RunSnapshot s) {
    StringBuilder text = new StringBuilder();
    if (linesDrawn > 0) {
      text.append("\u001b[").append(linesDrawn).append("F\u001b[J");
    }
    text.append(header(s)).append('\n');
    text.append(
        String.format(
            Locale.ROOT,
            "%-24s %-44s %9s %10s %5s %-28s %-10s%n",
            "TRIAL",
            "PARAMETERS",
            "EPOCH",
            s.objectiveMetric().toUpperCase(Locale.ROOT),
            "GRADE",
            "CODE",
            "STATE"));
    s.trials().stream()
        .skip(Math.max(0, s.trials().size() - MAX_ROWS))
        .forEach(r -> text.append(row(r)));
    out.print(text);
    out.flush();
    linesDrawn = (int) text.chars().filter(c -> c == '\n').count();
  }

  private static String header(RunSnapshot s) {
    int filled = s.maxTrials() == 0 ? 0 : BAR_WIDTH * s.finished() / s.maxTrials();
    Duration eta = s.eta();
    return String.format(
        Locale.ROOT,
        "%s [%s%s] %d/%d trials  %s elapsed%s  %s",
        s.study(),
        "#".repeat(filled),
        ".".repeat(BAR_WIDTH - filled),
        s.finished(),
        s.maxTrials(),
        duration(s.elapsed()),
        eta == null ? "" : ", ETA " + duration(eta),
        s.message());
  }

  private static String row(RunSnapshot.Row r) {
    String params =
        r.parameters().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "));
    return String.format(
        Locale.ROOT,
        "%-24s %-44s %9s %10s %5s %-28s %-10s%n",
        cut(r.name(), 24),
        cut(params, 44),
        r.epoch() + "/" + r.epochs(),
        number(r.objective()),
        dash(r.grade()),
        cut(dash(r.code()), 28),
        r.phase());
  }

  private static String number(Object value) {
    return value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : "-";
  }

  private static String dash(Object value) {
    return value == null ? "-" : value.toString();
  }

  private static String cut(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "~";
  }

  private static String duration(Duration d) {
    long s = d.toSeconds();
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
        : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }
}
