package dev.paddock.operator.local;

/** Prints only the final line: for scripts that read the exit code and the files. */
public final class QuietView implements ProgressView {

  @Override
  public void update(RunSnapshot snapshot) {}

  private Object report;

  @Override
  public void event(RunEvent event) {
    if ("report-written".equals(event.type())) {
      report = event.fields().get("report");
    }
  }

  @Override
  public void finish(RunSnapshot snapshot) {
    System.out.println(snapshot.study() + ": " + snapshot.phase() + " - " + snapshot.message());
    if (report != null) {
      System.out.println("report: " + report);
    }
  }
}
