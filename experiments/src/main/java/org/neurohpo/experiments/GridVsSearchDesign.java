package org.neurohpo.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neurohpo.bayes.space.SpaceJson;

/**
 * Experiment 1: an exhaustive grid (every set of {@code gridSpec}'s space, {@code gridRuns} runs
 * each on seeds 1..R) against searches with few sets and few runs, once per optimizer seed, each on
 * its {@link RunSeeds}; a search may have a multi-fidelity scheduler ({@link SearchStrategy}: then
 * {@code budget} sets are started, most of them with fewer runs). Writes OUT/grid,
 * OUT/search/STRATEGY/seed-S.
 *
 * @param grid a finished grid run to reuse instead of running one, or null
 * @param command the command line, for experiment.json
 */
public record GridVsSearchDesign(
    String dataset,
    Path out,
    Path gridSpec,
    int gridRuns,
    Path grid,
    List<String> strategies,
    int optimizerSeeds,
    int budget,
    int runs,
    RunSeeds runSeeds,
    int evaluators,
    String command)
    implements Design {

  @Override
  public String kind() {
    return "grid-vs-search";
  }

  @Override
  public void prepare() throws IOException {
    Specs.atLeast("--grid-runs", gridRuns, 2);
    runSeeds.check(runs);
    Specs.atLeast("--optimizer-seeds", optimizerSeeds, 1);
    Specs.atLeast("--budget", budget, 1);
    Specs.atLeast("--runs", runs, 1);
    Specs.atLeast("--evaluators", evaluators, 1);
    if (strategies.isEmpty() || strategies.stream().distinct().count() != strategies.size()) {
      throw new IllegalArgumentException("--strategies: give each strategy once, e.g. bo,random");
    }
    strategies.forEach(SearchStrategy::parse);
    Specs.template(gridSpec);
    if (grid != null && !RunFolder.isRunFolder(grid)) {
      throw new IllegalArgumentException("--grid " + grid + ": no trials.csv (not a run folder)");
    }
    Files.createDirectories(out);
    ObjectNode meta = Specs.experiment(kind(), dataset, command);
    meta.put(
        "notes",
        String.format(
            Locale.ROOT,
            "Grid: every valid set of %s's searchSpace, %d runs each (seeds 1..%d). Searches:"
                + " %s, %d sets x %d runs (%s), optimizer seeds 1..%d, one study at a"
                + " time on %s.",
            gridSpec,
            gridRuns,
            gridRuns,
            String.join(", ", strategies),
            budget,
            runs,
            runSeeds.describe(runs),
            optimizerSeeds,
            Specs.evaluatorCount(evaluators)));
    Specs.writeOnce(out.resolve("experiment.json"), meta);
  }

  @Override
  public void run(Studies studies, Progress progress) throws Exception {
    JsonNode template = Specs.template(gridSpec);
    List<Step> steps = new ArrayList<>();
    Path gridDir = out.resolve("grid");
    if (grid != null) {
      RunFolder.copy(grid, gridDir);
    } else {
      ObjectNode study =
          Specs.fromTemplate(template, "grid-vs-search-" + dataset + "-grid", dataset);
      study.put("strategy", "grid");
      study.put("optimizerSeed", 1);
      study.set("seeds", Specs.seeds(1, gridRuns));
      study.put("budget", SpaceJson.fromNode(template.path("searchSpace")).enumerate().size());
      steps.add(new Step(study, gridDir));
    }
    steps.addAll(
        Step.searches(
            template,
            "grid-vs-search-" + dataset,
            dataset,
            strategies,
            optimizerSeeds,
            budget,
            runs,
            runSeeds,
            out.resolve("search")));
    Step.runAll(studies, steps, progress);
  }
}
