package org.neurohpo.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchStrategyTest {

  @Test
  void aScheduledSearchGetsItsStrategyAndASchedulerFromTwoRunsToItsRuns() throws Exception {
    JsonNode template =
        Specs.JSON.readTree(
            "{\"searchSpace\": [{\"name\": \"bins\", \"type\": \"int\", \"low\": 2, \"high\": 8}],"
                + " \"fixedParams\": {\"generations\": 2}}");
    List<Step> steps =
        Step.searches(
            template,
            "x",
            "iris",
            List.of("bo", "hyperband-random"),
            2,
            40,
            10,
            new RunSeeds(false),
            Path.of("out"));
    assertThat(steps).hasSize(4);
    JsonNode bo = steps.get(0).study();
    assertThat(bo.path("strategy").asText()).isEqualTo("bo");
    assertThat(bo.has("scheduler")).isFalse();
    JsonNode hb = steps.get(3).study();
    assertThat(steps.get(3).dir()).isEqualTo(Path.of("out/hyperband-random/seed-2"));
    assertThat(hb.path("strategy").asText()).isEqualTo("random");
    assertThat(hb.path("scheduler").toString())
        .isEqualTo("{\"type\":\"hyperband\",\"fidelity\":\"runs\",\"min\":2,\"max\":10,\"eta\":3}");
    assertThat(hb.path("seeds")).hasSize(10);
    assertThat(hb.path("budget").asInt()).isEqualTo(40);
  }

  @Test
  void anUnknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> SearchStrategy.parse("asha"))
        .hasMessage(
            "--strategies: unknown search strategy 'asha' (bo, random, asha-bo, asha-random,"
                + " hyperband-bo, hyperband-random)");
    assertThat(SearchStrategy.parse("asha-bo"))
        .isEqualTo(new SearchStrategy("asha-bo", "bo", "asha"));
    // other designs' strategies (ParEGO's) pass through Step.searches unchanged
    assertThat(SearchStrategy.of("parego")).isEqualTo(new SearchStrategy("parego", "parego", null));
  }
}
