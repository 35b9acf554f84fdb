package org.neurohpo.kafka.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResendTest {
  @Test
  void sendsAgainWithDoublingPausesUntilAcknowledged() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    List<String> heard = new ArrayList<>();
    Resend.untilAcknowledged(
        () ->
            attempts.incrementAndGet() <= 3
                ? CompletableFuture.failedFuture(
                    new IllegalStateException("refused", new RuntimeException("broker away")))
                : CompletableFuture.completedFuture(null),
        (n, why, pause) -> heard.add(n + " " + Resend.reason(why) + " " + pause.toMillis()),
        Duration.ofMillis(5),
        Duration.ofMillis(12));
    assertThat(attempts).hasValue(4);
    assertThat(heard)
        .containsExactly(
            "1 RuntimeException: broker away 5",
            "2 RuntimeException: broker away 10",
            "3 RuntimeException: broker away 12");
  }

  @Test
  void aSendAcknowledgedAtOnceIsMadeOnce() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    Resend.untilAcknowledged(
        () -> {
          attempts.incrementAndGet();
          return CompletableFuture.completedFuture(null);
        },
        (n, why, pause) -> {
          throw new AssertionError("no refusal expected");
        });
    assertThat(attempts).hasValue(1);
  }

  @Test
  void anInterruptedThreadStopsSending() {
    AtomicInteger attempts = new AtomicInteger();
    Thread.currentThread().interrupt();
    assertThatThrownBy(
            () ->
                Resend.untilAcknowledged(
                    () -> {
                      attempts.incrementAndGet();
                      return CompletableFuture.failedFuture(new IllegalStateException("refused"));
                    },
                    (n, why, pause) -> {}))
        .isInstanceOf(InterruptedException.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void pausesDoubleUpToAMinute() {
    assertThat(Resend.next(Resend.FIRST)).isEqualTo(Duration.ofSeconds(4));
    assertThat(Resend.next(Duration.ofSeconds(40))).isEqualTo(Resend.MAX);
    assertThat(Resend.next(Resend.MAX)).isEqualTo(Resend.MAX);
  }
}
