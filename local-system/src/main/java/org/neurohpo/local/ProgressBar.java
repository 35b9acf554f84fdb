package org.neurohpo.local;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import org.neurohpo.experiments.Progress;

/**
 * A one-line progress bar with ETA on stderr, drawn only on a terminal and only once the work has
 * lasted longer than a second (short commands stay silent).
 */
public final class ProgressBar implements AutoCloseable {
  private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean enabled;
  private final String label;
  private final long start = System.nanoTime();
  private double baseline = Double.NaN;
  private long lastDraw;
  private boolean drawn;

  public ProgressBar(PrintStream out, boolean enabled, String label) {
    this.out = out;
    this.enabled = enabled;
    this.label = label;
  }

  /** A bar on stderr when stderr is a terminal and the user did not ask for quiet. */
  public static ProgressBar onStderr(boolean quiet, String label) {
    return new ProgressBar(System.err, !quiet && Style.isTerminal(), label);
  }

  /**
   * Work already done before this bar started (a resumed experiment): the ETA counts only the pace
   * of the work done since.
   */
  public synchronized ProgressBar resumedAt(double done) {
    baseline = done;
    return this;
  }

  /** Erases the bar (if drawn) so that a line can be printed; the next update redraws it. */
  public synchronized void clear() {
    if (drawn) {
      out.print("\r\033[K");
      out.flush();
      drawn = false;
      lastDraw = 0;
    }
  }

  /** Shows {@code done} of {@code total}, with {@code detail} after the bar. Thread-safe. */
  public synchronized void update(double done, double total, String detail) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - start < SHOW_AFTER_NANOS || (now - lastDraw < REDRAW_NANOS && done < total)) {
      return;
    }
    lastDraw = now;
    drawn = true;
    out.print("\r\033[K" + render(done, total, now - start, baseline, label, detail));
    out.flush();
  }

  public static String render(
      double done, double total, long elapsedNanos, String label, String detail) {
    return render(done, total, elapsedNanos, Double.NaN, label, detail);
  }

  /** The bar's line; with a {@code baseline} (work done before), the ETA uses the pace since. */
  public static String render(
      double done, double total, long elapsedNanos, double baseline, String label, String detail) {
    double fraction = total <= 0 ? 0 : Math.max(0, Math.min(1, done / total));
    int filled = (int) Math.round(fraction * WIDTH);
    StringBuilder sb = new StringBuilder(label).append(" [");
    sb.append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
    sb.append(String.format("%3d%%", Math.round(fraction * 100)));
    double since = Double.isNaN(baseline) ? done : done - baseline;
    if (fraction < 1 && since > 0) {
      long etaNanos = (long) (elapsedNanos * (total - done) / since);
      sb.append(" ETA ").append(format(Duration.ofNanos(etaNanos)));
    }
    if (detail != null && !detail.isEmpty()) {
      sb.append("  ").append(detail);
    }
    return sb.toString();
  }

  public static String format(Duration d) {
    long s = d.toSeconds();
    return s >= 3600
        ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }

  /**
   * This bar as a design's {@link Progress}: runs on the bar, and a line on {@code err} per study
   * ended unless {@code quiet}.
   */
  public Progress progress(PrintWriter err, boolean quiet) {
    ProgressBar bar = this;
    return new Progress() {
      @Override
      public void resumedAt(long runs) {
        bar.resumedAt(runs);
      }

      @Override
      public void update(long runs, long total, String detail) {
        bar.update(runs, total, detail);
      }

      @Override
      public void studyEnded(String line) {
        if (!quiet) {
          bar.clear();
          err.println(line);
          err.flush();
        }
      }
    };
  }

  @Override
  public synchronized void close() {
    if (drawn) {
      out.print("\r\033[K");
      out.flush();
    }
  }
}
