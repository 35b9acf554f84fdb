package org.neurohpo.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * Issue 15, item 3: GP-BO against random search where BO should matter, the joint space of
 * encoding, EONS and hardware HPs, at the same budget. Each search (strategy T, optimizer seed S)
 * measures on the {@link RunSeeds} of S (GP-BO and random search with the same S on the same seeds,
 * so each seed is a matched pair) and selects by mean validation accuracy; every search's
 * recommendation is then measured again on the same fresh seeds 900001.., apart from every
 * search's, and the strategies are compared by those fresh test means, which no search has seen.
 * Writes OUT/search/STRATEGY/seed-S and OUT/fresh/STRATEGY/seed-S.
 */
public record JointSpaceDesign(
    String dataset,
    Path out,
    Path space,
    List<String> strategies,
    int optimizerSeeds,
    int budget,
    int runs,
    int freshRuns,
    RunSeeds runSeeds,
    int evaluators,
    String command)
    implements Design {

  @Override
  public String kind() {
    return "joint-space";
  }

  @Override
  public void prepare() throws IOException {
    Specs.searchesThenFresh(
        optimizerSeeds, budget, runs, "--fresh-runs", freshRuns, evaluators, runSeeds);
    if (strategies.isEmpty() || strategies.stream().distinct().count() != strategies.size()) {
      throw new IllegalArgumentException("--strategies: give each strategy once, e.g. bo,random");
    }
    for (String s : strategies) {
      if (!List.of("bo", "random").contains(s)) {
        throw new IllegalArgumentException(
            "--strategies: '" + s + "' is not a single-objective search strategy (bo, random)");
      }
    }
    Specs.template(space);
    Files.createDirectories(out);
    ObjectNode meta = Specs.experiment(kind(), dataset, command);
    meta.put(
        "notes",
        String.format(
            Locale.ROOT,
            "Searches: %s over %s's space, %d sets x %d runs (%s), optimizer seeds 1..%d, each"
                + " selecting by mean validation accuracy. Fresh: every search's recommendation,"
                + " %d runs on seeds %d..%d, judged by mean test accuracy.",
            String.join(", ", strategies),
            space,
            budget,
            runs,
            runSeeds.describe(runs),
            optimizerSeeds,
            freshRuns,
            HardwareDesign.VALIDATION_SEED_BASE,
            HardwareDesign.VALIDATION_SEED_BASE + freshRuns - 1));
    Specs.writeOnce(out.resolve("experiment.json"), meta);
  }

  @Override
  public void run(Studies studies, Progress progress) throws Exception {
    JsonNode template = Specs.template(space);
    ObjectNode fixed = Specs.fixedParams(template);
    // seed by seed, every strategy, so a stopped experiment leaves matched pairs
    List<Step> searches = new ArrayList<>();
    for (int s = 1; s <= optimizerSeeds; s++) {
      for (String strategy : strategies) {
        ObjectNode study =
            Specs.fromTemplate(template, "joint-" + dataset + "-" + strategy + "-" + s, dataset);
        study.put("strategy", strategy);
        study.put("budget", budget);
        study.put("optimizerSeed", s);
        study.set("seeds", runSeeds.of(s, runs));
        searches.add(new Step(study, searchDir(strategy, s)));
      }
    }
    Step.runAll(studies, searches, progress);

    List<Step> fresh = new ArrayList<>();
    for (int s = 1; s <= optimizerSeeds; s++) {
      for (String strategy : strategies) {
        StudyResult.Trial best = StudyResult.read(searchDir(strategy, s)).best();
        fresh.add(
            new Step(
                HardwareDesign.pinned(
                    "joint-" + dataset + "-" + strategy + "-recommended-" + s,
                    dataset,
                    new LinkedHashMap<>(best.params()),
                    fixed,
                    freshRuns),
                out.resolve("fresh").resolve(strategy).resolve("seed-" + s)));
      }
    }
    Step.runAll(studies, fresh, progress);
  }

  private Path searchDir(String strategy, int seed) {
    return out.resolve("search").resolve(strategy).resolve("seed-" + seed);
  }
}
