package dev.paddock.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Webhook serving certificates for a component on loopback, made with {@code openssl}. */
final class LoopbackCertificates {

  private LoopbackCertificates() {}

  /**
   * A CA, and a serving certificate for 127.0.0.1 it signs, in controller-runtime's file names
   * ({@code tls.crt}, {@code tls.key}); the API server gets {@code ca.crt} as the CA bundle.
   */
  static void make(Path dir) {
    Path ext;
    try {
      ext =
          Files.writeString(
              dir.resolve("serving.ext"),
              "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n"
                  + "keyUsage=digitalSignature,keyEncipherment\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    openssl(
        dir,
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=paddock-test-kueue-ca",
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt");
    openssl(
        dir,
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=127.0.0.1",
        "-keyout",
        "tls.key",
        "-out",
        "tls.csr");
    openssl(
        dir,
        "x509",
        "-req",
        "-in",
        "tls.csr",
        "-CA",
        "ca.crt",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        ext.toString(),
        "-out",
        "tls.crt");
  }

  private static void openssl(Path dir, String... args) {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(args));
    try {
      Process openssl =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!openssl.waitFor(30, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
        throw new IllegalStateException("openssl " + String.join(" ", args) + ": " + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("openssl is needed for Kueue's webhook certificate", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
