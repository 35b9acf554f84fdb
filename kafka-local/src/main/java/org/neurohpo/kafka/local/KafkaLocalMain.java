package org.neurohpo.kafka.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the single-node broker as its own JVM until it is stopped (SIGTERM or Ctrl-C).
 *
 * <p>Usage: {@code KafkaLocalMain [--port P] [--controller-port C] [--data-dir DIR] [--partitions
 * N] [--listen-host H] [--advertised-host A]} (partitions of topics created on first use, default
 * 4; the clients' listener on H, 127.0.0.1 by default, 0.0.0.0 in a container, advertised as A, by
 * default H or 127.0.0.1 for 0.0.0.0). When the broker answers it prints one line {@code
 * KAFKA_READY <host:port>} on stdout, which the {@code neurohpo run} launcher waits for.
 */
public final class KafkaLocalMain {
  private KafkaLocalMain() {}

  public static void main(String[] args) throws InterruptedException {
    KafkaLocal.Builder builder = KafkaLocal.builder().replaceExitProcedures(false);
    try {
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--port" -> builder.port(parsePort(args[i], value));
          case "--controller-port" -> builder.controllerPort(parsePort(args[i], value));
          case "--data-dir" -> builder.dataDir(Path.of(required(args[i], value)));
          case "--listen-host" -> builder.listenHost(required(args[i], value));
          case "--advertised-host" -> builder.advertisedHost(required(args[i], value));
          case "--partitions" ->
              builder.config("num.partitions", Integer.toString(parseCount(args[i], value)));
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
        i++;
      }
    } catch (IllegalArgumentException e) {
      System.err.println("kafka-local: error: " + e.getMessage());
      System.exit(2);
    }
    KafkaLocal broker = builder.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.close();
                  stopped.countDown();
                },
                "kafka-local-shutdown"));
    System.out.println("KAFKA_READY " + broker.bootstrapServers());
    System.out.flush();
    stopped.await();
  }

  private static String required(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }

  private static int parseCount(String option, String value) {
    try {
      int n = Integer.parseInt(required(option, value));
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number >= 1, got '" + value + "'");
    }
  }

  private static int parsePort(String option, String value) {
    try {
      return Integer.parseInt(required(option, value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a port number, got '" + value + "'");
    }
  }
}
