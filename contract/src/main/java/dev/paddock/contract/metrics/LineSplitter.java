package dev.paddock.contract.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts one stream's text into lines as it arrives: {@code \n}, {@code \r\n} and a lone {@code \r}
 * (a progress bar redrawing itself) all end a line; an unfinished line waits for the rest, and
 * {@link #finish()} gives it when the stream ends. One splitter per stream, so that stdout and
 * stderr written at the same time never cut each other's lines.
 */
public final class LineSplitter {

  /** A longer unfinished line is given as it is rather than held without end. */
  static final int MAX_LINE = 64 * 1024;

  private final StringBuilder pending = new StringBuilder();
  private boolean afterCarriageReturn;

  /** The lines this chunk completes, without their terminators. */
  public List<String> accept(CharSequence chunk) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < chunk.length(); i++) {
      char c = chunk.charAt(i);
      boolean crlf = c == '\n' && afterCarriageReturn;
      afterCarriageReturn = c == '\r';
      if (crlf) {
        continue;
      }
      if (c == '\n' || c == '\r' || pending.length() >= MAX_LINE) {
        lines.add(pending.toString());
        pending.setLength(0);
        if (c != '\n' && c != '\r') {
          pending.append(c);
        }
      } else {
        pending.append(c);
      }
    }
    return lines;
  }

  /** The unfinished last line, if any: the stream has ended. */
  public List<String> finish() {
    if (pending.length() == 0) {
      return List.of();
    }
    String last = pending.toString();
    pending.setLength(0);
    return List.of(last);
  }
}
