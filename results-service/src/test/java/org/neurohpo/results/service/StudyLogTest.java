package org.neurohpo.results.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudyLogTest {

  @Test
  void subscriberGetsHistoryThenLiveEventsOfItsStudyOnlyUntilCancelled() {
    StudyLog log = new StudyLog();
    log.append("a", "1");
    log.append("b", "x");
    log.append("a", "2");
    List<String> got = new ArrayList<>();
    Runnable cancel = log.subscribe("a", got::add);
    log.append("a", "3");
    log.append("b", "y");
    assertThat(got).containsExactly("1", "2", "3");
    assertThat(log.subscribers()).isEqualTo(1);
    cancel.run();
    log.append("a", "4");
    assertThat(got).containsExactly("1", "2", "3");
    assertThat(log.subscribers()).isZero();
    assertThat(log.size("a")).isEqualTo(4);
  }

  @Test
  void subscribingToAnUnknownStudyWaitsForItsFirstEvent() {
    StudyLog log = new StudyLog();
    List<String> got = new ArrayList<>();
    log.subscribe("later", got::add);
    assertThat(got).isEmpty();
    log.append("later", "created");
    assertThat(got).containsExactly("created");
  }

  @Test
  void cancelledSubscriptionsToUnknownStudiesLeaveNothingBehind() {
    StudyLog log = new StudyLog();
    for (int i = 0; i < 5000; i++) {
      log.subscribe("unknown-" + i, e -> {}).run();
    }
    assertThat(log.subscribers()).isZero();
    assertThat(log.subscribedStudies()).isZero();
  }
}
