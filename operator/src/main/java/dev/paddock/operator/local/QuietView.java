package dev.paddock.operator.local;

/** Prints only the final line: for scripts that read the exit code and the files. */
public final class QuietView implements ProgressView {

  @Override
  public void update(RunSnapshot snapshot) {}

  @Override
  public void event(RunEvent event) {}

  @Override
  public void finish(RunSnapshot snapshot) {
    System.out.println(snapshot.study() + ": " + snapshot.phase() + " - " + snapshot.message());
  }
}
