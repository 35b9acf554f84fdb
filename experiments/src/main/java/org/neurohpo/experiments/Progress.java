package org.neurohpo.experiments;

/** What a design tells of its progress, counted in runs over all its studies. */
public interface Progress {
  /** An earlier invocation already did {@code runs} runs (a resumed experiment). */
  void resumedAt(long runs);

  /** {@code runs} of {@code total} done; {@code detail} says where. */
  void update(long runs, long total, String detail);

  /** A study ended: one line saying how it went. */
  void studyEnded(String line);

  /** Tells nothing (tests, quiet runs). */
  Progress NONE =
      new Progress() {
        @Override
        public void resumedAt(long runs) {}

        @Override
        public void update(long runs, long total, String detail) {}

        @Override
        public void studyEnded(String line) {}
      };
}
