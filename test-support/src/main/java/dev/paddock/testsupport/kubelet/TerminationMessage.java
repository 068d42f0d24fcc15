package dev.paddock.testsupport.kubelet;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A terminated container's message, read as the kubelet reads it: the first 4096 bytes of the
 * termination message file; with {@code FallbackToLogsOnError}, when the file is empty and the
 * container failed, the last 80 lines (at most 2048 bytes) of this run's log.
 */
final class TerminationMessage {

  static final int MAX_BYTES = 4096;
  static final int MAX_LOG_LINES = 80;
  static final int MAX_LOG_BYTES = 2048;

  private TerminationMessage() {}

  static String read(Path file, String policy, int exitCode, Path log, long logOffset) {
    String message = head(file);
    if (message.isEmpty() && exitCode != 0 && "FallbackToLogsOnError".equals(policy)) {
      return logTail(log, logOffset);
    }
    return message;
  }

  private static String head(Path file) {
    if (!Files.isRegularFile(file)) {
      return "";
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      byte[] bytes = new byte[(int) Math.min(MAX_BYTES, in.length())];
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static String logTail(Path log, long offset) {
    if (!Files.isRegularFile(log)) {
      return "";
    }
    try (RandomAccessFile in = new RandomAccessFile(log.toFile(), "r")) {
      long start = Math.max(offset, in.length() - MAX_LOG_BYTES);
      byte[] bytes = new byte[(int) Math.max(0, in.length() - start)];
      in.seek(start);
      in.readFully(bytes);
      List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
      return String.join(
          "\n", lines.subList(Math.max(0, lines.size() - MAX_LOG_LINES), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }
}
