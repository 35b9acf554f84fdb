package org.neurohpo.neuro.encoding;

/** Turns one sample's output fires into a class; see the package doc. */
public sealed interface Decoder permits Decoder.WinnerTakeAll, Decoder.FirstToSpike {

  /** The decoder's name as the {@code decoder} HP spells it. */
  String name();

  /**
   * The predicted class.
   *
   * @param counts fires of each output (class) in the run; not modified
   * @param firstTimes first fire time of each output, -1 when it did not fire; not modified
   */
  int decode(int[] counts, int[] firstTimes);

  /** Whether {@link #decode} reads {@code firstTimes} (else they need not be filled). */
  boolean needsFirstTimes();

  static Decoder named(String name) {
    return switch (name) {
      case "wta" -> new WinnerTakeAll();
      case "first" -> new FirstToSpike();
      default ->
          throw new IllegalArgumentException("decoder must be wta or first, got '" + name + "'");
    };
  }

  /** The output with the most fires; ties to the lowest class. */
  record WinnerTakeAll() implements Decoder {
    @Override
    public String name() {
      return "wta";
    }

    @Override
    public boolean needsFirstTimes() {
      return false;
    }

    @Override
    public int decode(int[] counts, int[] firstTimes) {
      int best = 0;
      for (int k = 1; k < counts.length; k++) {
        if (counts[k] > counts[best]) {
          best = k;
        }
      }
      return best;
    }
  }

  /** The output that fired first; ties and silence to the lowest class. */
  record FirstToSpike() implements Decoder {
    @Override
    public String name() {
      return "first";
    }

    @Override
    public boolean needsFirstTimes() {
      return true;
    }

    @Override
    public int decode(int[] counts, int[] firstTimes) {
      int best = 0;
      int bestTime = Integer.MAX_VALUE;
      for (int k = 0; k < firstTimes.length; k++) {
        int t = firstTimes[k];
        if (t >= 0 && t < bestTime) {
          best = k;
          bestTime = t;
        }
      }
      return best;
    }
  }
}
