package org.neurohpo.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.space.SpaceJson;

/** A grid run in parts: the same sets in the same order, and the same run folder once merged. */
class GridPartsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theIrisEncodingGridSplitsByEncoderIntoItsOwnSetsInItsOwnOrder() throws Exception {
    JsonNode space = Specs.template(Path.of("encoding-grid-iris.json")).path("searchSpace");
    List<GridParts.Part> parts = GridParts.of(space).orElseThrow();
    assertThat(parts)
        .extracting(GridParts.Part::label)
        .containsExactly("bins", "triangle", "charge", "rate", "flipflop", "temporal");
    SearchSpace whole = SpaceJson.fromNode(space);
    List<String> joined = new ArrayList<>();
    for (GridParts.Part p : parts) {
      List<Map<String, Object>> sets = SpaceJson.fromNode(p.space()).enumerate();
      assertThat(sets).hasSize(p.sets());
      sets.forEach(s -> joined.add(whole.key(s)));
    }
    assertThat(joined).isEqualTo(whole.enumerate().stream().map(whole::key).toList());
    // the bins part has no rate or temporal parameters, nor the constraints that name them
    JsonNode bins = parts.get(0).space();
    List<String> names = new ArrayList<>();
    bins.path("parameters").forEach(p -> names.add(p.path("name").asText()));
    assertThat(names).containsExactly("encoder", "bins", "simTime");
    assertThat(bins.path("constraints")).isEmpty();
    assertThat(parts.get(3).space().path("constraints")).hasSize(1); // rate: maxSpikes, interval
  }

  @Test
  void aGridWhoseFirstParameterIsARangeDoesNotSplit() throws Exception {
    JsonNode space =
        JSON.readTree(
            """
            [{"name": "bins", "type": "int", "low": 2, "high": 4},
             {"name": "encoder", "type": "cat", "choices": ["bins", "rate"]}]
            """);
    assertThat(GridParts.of(space)).isEmpty();
    JsonNode one =
        JSON.readTree("[{\"name\": \"encoder\", \"type\": \"cat\", \"choices\": [\"a\"]}]");
    assertThat(GridParts.of(one)).isEmpty();
  }

  /**
   * A view as the optimizer gives it, of trials {@code from..to-1} numbered from {@code base}, in
   * the order they completed: with two evaluators that is not their number's (here each pair of
   * neighbours swapped: 1, 0, 3, 2, 4).
   */
  private static ObjectNode view(String id, int from, int to, int base) {
    ObjectNode view = JSON.createObjectNode();
    view.put("studyId", id);
    view.put("strategy", "grid");
    view.put("trialsCompleted", to - from);
    ArrayNode trials = view.putArray("trials");
    ObjectNode best = null;
    for (int i = from; i < to; i++) {
      int t = (i - from) % 2 == 0 && i + 1 < to ? i + 1 : (i - from) % 2 == 1 ? i - 1 : i;
      ObjectNode trial = trials.addObject();
      trial.put("trialNumber", t - base);
      ObjectNode params = trial.putObject("params");
      params.put("generations", 3);
      params.put("encoder", t < 2 ? "a" : "b");
      if (t < 2) {
        params.put("x", t + 1);
      } else {
        params.put("z", t);
      }
      // trial 2 (of part b) is the best; every run's accuracy names its trial, so a run paired
      // with another trial's set shows
      double v = t == 2 ? 0.9 : 0.5 + 0.01 * t;
      trial.put("meanValidationAccuracy", v);
      trial.put("stdValidationAccuracy", 0.0);
      trial.put("meanTestAccuracy", v - 0.1);
      trial.put("stdTestAccuracy", 0.0);
      ArrayNode runs = trial.putArray("runs");
      for (int s = 1; s <= 2; s++) {
        runs.addObject()
            .put("seed", s)
            .put("trainAccuracy", 1.0)
            .put("validationAccuracy", v)
            .put("testAccuracy", v - 0.1)
            .put("seconds", 0.5);
      }
      trial.putArray("failures");
      if (best == null || v > best.path("meanValidationAccuracy").asDouble()) {
        best = trial;
      }
    }
    view.set("best", best);
    return view;
  }

  @Test
  void mergedPartsAreTheRunFolderOfTheWholeGrid() throws Exception {
    ObjectNode study = JSON.createObjectNode().put("strategy", "grid");
    study.putArray("seeds").add(1).add(2);
    study.set(
        "searchSpace",
        JSON.readTree(
            """
            [{"name": "encoder", "type": "cat", "choices": ["a", "b"]},
             {"name": "x", "type": "ordinal", "values": [1, 2], "when": {"encoder": ["a"]}},
             {"name": "z", "type": "ordinal", "values": [2, 3, 4], "when": {"encoder": ["b"]}}]
            """));
    RunFolder.write(dir.resolve("whole"), view("w", 0, 5, 0), study, 30);
    RunFolder.write(dir.resolve("a"), view("p1", 0, 2, 0), study, 10);
    RunFolder.write(dir.resolve("b"), view("p2", 2, 5, 2), study, 20);
    RunFolder.merge(List.of(dir.resolve("a"), dir.resolve("b")), dir.resolve("merged"), study);

    for (String f : List.of(RunFolder.TRIALS, RunFolder.RUNS, RunFolder.STUDY)) {
      assertThat(dir.resolve("merged").resolve(f))
          .as(f)
          .hasSameTextualContentAs(dir.resolve("whole").resolve(f));
    }
    JsonNode whole = JSON.readTree(dir.resolve("whole/summary.json").toFile());
    JsonNode merged = JSON.readTree(dir.resolve("merged/summary.json").toFile());
    assertThat(merged.get("best")).isEqualTo(whole.get("best"));
    assertThat(merged.get("best").get("trialNumber").asInt()).isEqualTo(2);
    for (String f : List.of("trialsCompleted", "runsUsed", "generationsUsed", "wallSeconds")) {
      assertThat(merged.get(f)).as(f).isEqualTo(whole.get(f));
    }
    assertThat(RunFolder.done(dir.resolve("merged"))).isTrue();
    StudyResult read = StudyResult.read(dir.resolve("merged"));
    assertThat(Files.readAllLines(dir.resolve("merged/trials.csv"))).hasSize(6);
    assertThat(read.best().number()).isEqualTo(2);
    // each trial's runs are its own: the mean of its runs in runs.csv is its mean in trials.csv
    for (StudyResult.Trial t : read.trials()) {
      assertThat(java.util.Arrays.stream(t.testAccuracies()).average().orElseThrow())
          .as("trial %d", t.number())
          .isCloseTo(t.mean(), org.assertj.core.api.Assertions.within(1e-12));
    }
  }
}
