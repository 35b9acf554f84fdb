package org.neurohpo.optimizer.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurohpo.model.Event;
import org.neurohpo.model.RunFigures;
import org.neurohpo.model.StudySpec;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialRequested;

class StudyRunTest {

  @Test
  void aRepeatedHpSetRunsOnNewSeeds() throws Exception {
    // three sets and a budget of eight: GP-BO must measure some sets again
    StudySpec spec =
        new StudySpec(
            "repeats",
            "iris",
            "bo",
            8,
            List.of(1L, 2L),
            new ObjectMapper()
                .readTree("[{\"name\":\"e\",\"type\":\"cat\",\"choices\":[\"a\",\"b\",\"c\"]}]"),
            Map.of("generations", 3),
            4);
    StudyRun run = new StudyRun("st", spec, 1, 5);
    List<TrialRequested> requested = new ArrayList<>();
    while (run.state() == StudyRun.State.RUNNING) {
      List<TrialRequested> next = run.fill();
      if (next.isEmpty()) {
        break;
      }
      for (TrialRequested t : next) {
        requested.add(t);
        double acc = "b".equals(t.params().get("e")) ? 0.8 : 0.5 + 0.01 * t.trialNumber();
        run.onCompleted(
            new TrialCompleted(
                Event.SCHEMA_VERSION,
                "st",
                t.trialNumber(),
                t.params(),
                acc,
                0.05,
                List.of(new RunFigures(1, acc, acc, 5, 5, 1, 1, 0.1)),
                List.of()));
      }
    }
    Map<Object, List<List<Long>>> seedsBySet = new HashMap<>();
    requested.forEach(
        t ->
            seedsBySet.computeIfAbsent(t.params().get("e"), k -> new ArrayList<>()).add(t.seeds()));
    assertThat(requested).hasSize(8);
    assertThat(seedsBySet.values()).anyMatch(l -> l.size() > 1);
    for (List<List<Long>> seeds : seedsBySet.values()) {
      assertThat(seeds).doesNotHaveDuplicates();
      assertThat(seeds.get(0)).containsExactly(1L, 2L);
      if (seeds.size() > 1) {
        assertThat(seeds.get(1)).containsExactly(1_000_001L, 1_000_002L);
      }
    }
  }
}
