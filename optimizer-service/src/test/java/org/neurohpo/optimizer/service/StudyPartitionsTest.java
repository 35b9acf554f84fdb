package org.neurohpo.optimizer.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;
import org.neurohpo.model.Event;
import org.neurohpo.model.StudyCreated;
import org.neurohpo.model.StudySpec;
import org.neurohpo.model.StudyStopped;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialRequested;

/**
 * Two optimizers sharing four partitions, as plain objects: each drives only its partitions'
 * studies, adopts a study created through the other, stops one stopped through the other, and hands
 * its studies over when a partition is taken away.
 */
class StudyPartitionsTest {

  private static StudySpec spec() throws Exception {
    return new StudySpec(
        "shared",
        "iris",
        "random",
        3,
        List.of(1L),
        new ObjectMapper()
            .readTree(
                "{\"parameters\":[{\"name\":\"x\",\"type\":\"float\",\"low\":0,\"high\":1}]}"),
        Map.of("generations", 3),
        7);
  }

  private static StudyPartitions owning(Integer... parts) {
    StudyPartitions p = new StudyPartitions();
    p.assigned(4, List.of(parts));
    return p;
  }

  @Test
  void aStudyLiesOnThePartitionKafkaPlacesItsKeyOn() {
    for (int i = 0; i < 2_000; i++) {
      String id = "study-" + Integer.toHexString(i * 7919);
      for (int n : new int[] {1, 4, 32}) {
        assertThat(StudyPartitions.of(id, n))
            .isEqualTo(BuiltInPartitioner.partitionForKey(id.getBytes(StandardCharsets.UTF_8), n));
      }
    }
  }

  @Test
  void newIdsLieOnOwnedPartitions() {
    StudyPartitions p = owning(2);
    for (int i = 0; i < 200; i++) {
      assertThat(StudyPartitions.of(p.newStudyId(), 4)).isEqualTo(2);
    }
    assertThat(p.owns(p.newStudyId())).isTrue();
    assertThat(new StudyPartitions().owns("study-1"))
        .as("nothing owned before the group")
        .isFalse();
  }

  @Test
  void twoOptimizersShareAdoptStopAndHandOver() throws Exception {
    StudyPartitions pa = owning(0, 1);
    StudyPartitions pb = owning(2, 3);
    Studies a = new Studies(1, 5, pa, 100);
    Studies b = new Studies(1, 5, pb, 100);

    // created through a: on a's partition, a drives it; b lists it from the studies topic
    Studies.NewStudy s = a.prepare(spec(), "alice");
    assertThat(pa.owns(s.created().studyId())).isTrue();
    List<Event> first = a.register(s);
    assertThat(first).hasSize(1).first().isInstanceOf(TrialRequested.class);
    assertThat(b.onStudyEvent(s.created())).as("b does not drive a's study").isEmpty();
    assertThat(b.view(s.created().studyId()).orElseThrow().trialsRequested()).isNull();
    assertThat(b.size()).isEqualTo(1);

    // a study whose creation reached a while a owned nothing of it: b adopts it from the topic
    String onB = idOn(pb);
    StudyCreated created =
        new StudyCreated(Event.SCHEMA_VERSION, onB, spec(), java.time.Instant.now(), "bob");
    assertThat(a.register(new Studies.NewStudy(null, created))).isEmpty();
    List<Event> adopted = b.onStudyEvent(created);
    assertThat(adopted).hasSize(1).first().isInstanceOf(TrialRequested.class);
    assertThat(b.onStudyEvent(created)).as("read twice, adopted once").isEmpty();

    // stopped through a: a publishes the stop, b reads it and stops publishing
    StudyStopped stop = a.stopElsewhere(onB).orElseThrow();
    assertThat(a.view(onB).orElseThrow().state()).isEqualTo("stopped");
    b.onStudyEvent(stop);
    assertThat(b.view(onB).orElseThrow().state()).isEqualTo("stopped");
    TrialRequested late = (TrialRequested) adopted.get(0);
    assertThat(b.onResult(completed(late))).as("nothing new after a stop").isEmpty();

    // a's partition is taken away: a lets the study go, b (given it) rebuilds it from its history
    String id = s.created().studyId();
    int part = StudyPartitions.of(id, 4);
    pa.revoked(List.of(part));
    assertThat(a.release(Set.of(part))).isEqualTo(1);
    assertThat(a.onResult(completed((TrialRequested) first.get(0)))).isEmpty();
    pb.assigned(4, List.of(part));
    History h = new History();
    h.accept(s.created());
    h.accept(first.get(0));
    List<Event> resumed = b.restore(h);
    assertThat(resumed).as("its one trial is still in flight: nothing new").isEmpty();
    List<Event> next = b.onResult(completed((TrialRequested) first.get(0)));
    assertThat(next).hasSize(1);
    assertThat(((TrialRequested) next.get(0)).trialNumber()).isEqualTo(1);
  }

  private static String idOn(StudyPartitions p) {
    for (int i = 0; i < 1_000; i++) {
      if (p.owns("study-b" + i)) {
        return "study-b" + i;
      }
    }
    throw new AssertionError("no id on " + p.owned());
  }

  private static TrialCompleted completed(TrialRequested t) {
    return new TrialCompleted(
        Event.SCHEMA_VERSION,
        t.studyId(),
        t.trialNumber(),
        t.params(),
        0.5,
        0.0,
        0.5,
        0.0,
        List.of(new org.neurohpo.model.RunFigures(1, 0.5, 0.5, 0.5, 5, 5, 10, 10, 0.1)),
        List.of());
  }
}
