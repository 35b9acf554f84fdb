package org.neurohpo.kafka.support;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A send that must not be lost, made by a consumer that acknowledges its record only after the
 * send: tried again, with pauses doubling from {@link #FIRST} to {@link #MAX}, until Kafka
 * acknowledges it. Throwing instead would dead-letter the consumed record although its work was
 * done (a trial's runs evaluated, a trial's result recorded), and whatever waits for the send (a
 * study) would wait forever. A producer gives up on a record after its {@code delivery.timeout.ms}
 * (120 s by default): a broker unreachable for longer, or a topic that refuses the record.
 */
public final class Resend {
  /** The first pause after a refusal. */
  public static final Duration FIRST = Duration.ofSeconds(2);

  /** The longest pause between two attempts. */
  public static final Duration MAX = Duration.ofMinutes(1);

  /** The services' counter of refused sends, tagged with the topic. */
  public static final String METRIC = "neurohpo.kafka.sends.refused";

  public static final String METRIC_DESCRIPTION =
      "records Kafka refused after the producer's retries (each is sent again until taken)";

  private Resend() {}

  /**
   * Sends until Kafka acknowledges, on the calling thread; {@code onRefusal} hears of each refusal
   * (how many so far, the cause, the pause before the next attempt).
   *
   * @throws InterruptedException when the thread is interrupted (the service stops): the consumed
   *     record is then not acknowledged, and is delivered again after the restart
   */
  public static void untilAcknowledged(
      Supplier<? extends CompletionStage<?>> send, Refusals onRefusal) throws InterruptedException {
    untilAcknowledged(send, onRefusal, FIRST, MAX);
  }

  /** As {@link #untilAcknowledged(Supplier, Refusals)}, with the given pauses. */
  static void untilAcknowledged(
      Supplier<? extends CompletionStage<?>> send, Refusals onRefusal, Duration first, Duration max)
      throws InterruptedException {
    Duration pause = first;
    for (int refusals = 1; ; refusals++) {
      try {
        send.get().toCompletableFuture().get();
        return;
      } catch (ExecutionException e) {
        onRefusal.refused(refusals, e.getCause() == null ? e : e.getCause(), pause);
      }
      Thread.sleep(pause.toMillis());
      pause = next(pause, max);
    }
  }

  /** Hears of a refused send. */
  @FunctionalInterface
  public interface Refusals {
    void refused(int refusals, Throwable cause, Duration pause);
  }

  /** The pause after {@code pause}: twice as long, at most {@link #MAX}. */
  public static Duration next(Duration pause) {
    return next(pause, MAX);
  }

  private static Duration next(Duration pause, Duration max) {
    Duration twice = pause.multipliedBy(2);
    return twice.compareTo(max) > 0 ? max : twice;
  }

  /** The root cause of a refusal in one line: its class's simple name and its message. */
  public static String reason(Throwable refusal) {
    Throwable root = refusal;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
