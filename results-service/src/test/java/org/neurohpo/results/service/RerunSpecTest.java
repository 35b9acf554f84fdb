package org.neurohpo.results.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.space.SpaceJson;
import org.neurohpo.model.RunFigures;
import org.neurohpo.model.TrialCompleted;

class RerunSpecTest {

  @Test
  void theRerunSpaceHoldsExactlyTheBestSetAndKeepsTheFixedHps() throws Exception {
    TrialCompleted best =
        new TrialCompleted(
            2,
            "s",
            4,
            Map.of(
                "encoder",
                "triangle",
                "bins",
                5,
                "mutationRate",
                0.25,
                "thresholdInclusive",
                true,
                "generations",
                10),
            0.85,
            0.02,
            0.9,
            0.01,
            List.of(new RunFigures(1, 0.9, 0.85, 0.9, 9, 4, 2, 3, 1)),
            List.of());
    ObjectNode rerun = RerunSpec.of(StudyIndexTest.spec("wide", 40), best);
    assertThat(rerun.path("name").asText()).isEqualTo("wide-best-trial-4");
    assertThat(rerun.path("strategy").asText()).isEqualTo("grid");
    assertThat(rerun.path("budget").asInt()).isEqualTo(1);
    assertThat(rerun.path("seeds").toString()).isEqualTo("[1,2]");
    assertThat(rerun.path("optimizerSeed").asLong()).isEqualTo(7);
    assertThat(rerun.path("fixedParams").toString()).isEqualTo("{\"generations\":10}");
    SearchSpace space = SpaceJson.fromNode(rerun.path("searchSpace"));
    assertThat(space.enumerate())
        .containsExactly(
            Map.of(
                "encoder",
                "triangle",
                "bins",
                5.0,
                "mutationRate",
                0.25,
                "thresholdInclusive",
                "true"));
  }
}
