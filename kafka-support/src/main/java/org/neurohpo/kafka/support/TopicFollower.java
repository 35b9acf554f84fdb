package org.neurohpo.kafka.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs a {@link TopicTail} on a daemon thread for as long as the service runs, making a new one
 * (from {@code tails}) after a broker failure, {@code retry} later; {@code onFailure} hears of each
 * failure. {@link #close()} stops it.
 */
public final class TopicFollower implements AutoCloseable {
  private final Callable<TopicTail> tails;
  private final Duration retry;
  private final Consumer<Exception> onFailure;
  private volatile TopicTail tail;
  private volatile boolean closing;

  private TopicFollower(Callable<TopicTail> tails, Duration retry, Consumer<Exception> onFailure) {
    this.tails = tails;
    this.retry = retry;
    this.onFailure = onFailure;
  }

  /** Starts following on a thread named {@code threadName}. */
  public static TopicFollower start(
      String threadName, Callable<TopicTail> tails, Duration retry, Consumer<Exception> onFailure) {
    TopicFollower f = new TopicFollower(tails, retry, onFailure);
    Thread t = new Thread(f::follow, threadName);
    t.setDaemon(true);
    t.start();
    return f;
  }

  private void follow() {
    while (!closing) {
      try {
        TopicTail t = tails.call();
        tail = t;
        t.run();
      } catch (Exception e) {
        if (closing) {
          return;
        }
        onFailure.accept(e);
        try {
          Thread.sleep(retry.toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    closing = true;
    TopicTail t = tail;
    if (t != null) {
      t.close();
    }
  }
}
