package org.neurohpo.results.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetentionTest {
  private static final Instant T = Instant.parse("2026-12-03T12:00:00Z");

  private static Retention.Ended ended(String id, long seconds, int trials) {
    return new Retention.Ended(T.plusSeconds(seconds), id, trials);
  }

  @Test
  void holdsTheMostRecentlyEndedWithinTheTrialsAndLetsTheOldestGo() {
    Retention r = new Retention(10);
    assertThat(r.whole(ended("a", 0, 4))).isEmpty();
    assertThat(r.whole(ended("b", 2, 4))).isEmpty();
    assertThat(r.whole(ended("c", 1, 2))).isEmpty(); // 10 trials: at the limit
    assertThat(r.whole(ended("d", 3, 3))).containsExactly("a");
    assertThat(r.trials()).isEqualTo(9);
    // one that ended before a study already let go goes at once
    assertThat(r.whole(ended("e", -5, 1))).containsExactly("e");
    assertThat(r.whole(ended("f", 4, 5))).containsExactly("c", "b");
    assertThat(r.size()).isEqualTo(2);
    // the same study again (a record read twice) changes nothing
    assertThat(r.whole(ended("f", 4, 5))).isEmpty();
    assertThat(r.trials()).isEqualTo(8);
  }

  @Test
  void holdsTheNewestStudyWhateverItsSize() {
    Retention r = new Retention(10);
    r.whole(ended("small", 0, 3));
    assertThat(r.whole(ended("huge", 1, 50))).containsExactly("small");
    assertThat(r.size()).isEqualTo(1);
    assertThat(r.whole(ended("next", 2, 1))).containsExactly("huge");
  }

  @Test
  void holdsTheSameStudiesWhateverOrderTheyBecameWholeIn() {
    List<Retention.Ended> all = new ArrayList<>();
    Random rnd = new Random(7);
    for (int i = 0; i < 60; i++) {
      all.add(ended("s" + i, rnd.nextInt(40), 1 + rnd.nextInt(9))); // ties in time too
    }
    Set<String> expected = held(all, new Retention(50).wholeAll(all));
    for (int k = 0; k < 20; k++) {
      List<Retention.Ended> shuffled = new ArrayList<>(all);
      Collections.shuffle(shuffled, new Random(k));
      Retention r = new Retention(50);
      List<String> letGo = new ArrayList<>();
      shuffled.forEach(e -> letGo.addAll(r.whole(e)));
      assertThat(held(all, letGo)).isEqualTo(expected);
      assertThat(r.size()).isEqualTo(expected.size());
    }
    // and that is the longest run of the most recently ended within the limit
    List<Retention.Ended> newestFirst = new ArrayList<>(all);
    newestFirst.sort(
        (x, y) ->
            x.at().equals(y.at()) ? y.studyId().compareTo(x.studyId()) : y.at().compareTo(x.at()));
    Set<String> run = new HashSet<>();
    int sum = 0;
    for (Retention.Ended e : newestFirst) {
      if (sum + e.trials() > 50) {
        break;
      }
      sum += e.trials();
      run.add(e.studyId());
    }
    assertThat(expected).isEqualTo(run);
  }

  private static Set<String> held(List<Retention.Ended> all, List<String> letGo) {
    Set<String> out = new HashSet<>();
    all.forEach(e -> out.add(e.studyId()));
    out.removeAll(letGo);
    return out;
  }

  @Test
  void refusesALimitBelowOne() {
    assertThatThrownBy(() -> new Retention(0)).hasMessageContaining(">= 1");
  }
}
