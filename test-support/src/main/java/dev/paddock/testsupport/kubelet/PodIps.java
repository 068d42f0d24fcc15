package dev.paddock.testsupport.kubelet;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback pod IPs, 127.0.X.Y, unique per pod in this JVM and never 127.0.0.1, so that every pod
 * can listen on the same port as on a real pod network. The JVM starts at a random X, so test JVMs
 * running beside each other on one machine rarely share an address.
 */
final class PodIps {

  private static final int PER_BLOCK = 253; // Y in 1..253
  private static final AtomicInteger NEXT =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 250) * PER_BLOCK);

  private PodIps() {}

  static String next() {
    int n = NEXT.getAndIncrement();
    int block = 1 + (n / PER_BLOCK) % 254; // X in 1..254
    return "127.0." + block + "." + (1 + n % PER_BLOCK);
  }
}
