package org.neurohpo.bayes.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HaltonTest {

  @Test
  void highDimensionsOfConsecutivePointsDoNotRiseInLockstep() {
    // dimension 30 has base 113: unscrambled, its first 20 values rise by 1/113 at every step
    Halton h = new Halton(30, 7);
    int rises = 0;
    double previous = h.next()[29];
    for (int i = 1; i < 20; i++) {
      double v = h.next()[29];
      if (v > previous) {
        rises++;
      }
      previous = v;
    }
    assertThat(rises).isBetween(4, 15);
  }

  @Test
  void stillFillsTheSquareEvenly() {
    Halton h = new Halton(2, 3);
    int[] cells = new int[16];
    for (int i = 0; i < 64; i++) {
      double[] u = h.next();
      assertThat(u[0]).isBetween(0.0, 1.0);
      cells[(int) (u[0] * 4) * 4 + (int) (u[1] * 4)]++;
    }
    // 64 points over a 4 x 4 grid of cells: every cell gets some
    for (int c : cells) {
      assertThat(c).isBetween(2, 7);
    }
  }

  @Test
  void theSameSeedGivesTheSameSequence() {
    Halton a = new Halton(5, 11);
    Halton b = new Halton(5, 11);
    for (int i = 0; i < 10; i++) {
      assertThat(a.next()).containsExactly(b.next());
    }
  }
}
