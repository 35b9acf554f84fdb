package org.neurohpo.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Experiment 5: accuracy against energy. A multi-objective GP-BO (ParEGO) and random search, at the
 * same budget, once per optimizer seed, each on its {@link RunSeeds}; the report compares their
 * Pareto fronts by hypervolume. Writes OUT/search/STRATEGY/seed-S.
 */
public record ParetoDesign(
    String dataset,
    Path out,
    Path space,
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
    return "pareto";
  }

  @Override
  public void prepare() throws IOException {
    Specs.atLeast("--optimizer-seeds", optimizerSeeds, 1);
    Specs.atLeast("--budget", budget, 2);
    Specs.atLeast("--runs", runs, 1);
    runSeeds.check(runs);
    Specs.atLeast("--evaluators", evaluators, 1);
    for (String s : strategies) {
      if (!List.of("parego", "random", "bo").contains(s)) {
        throw new IllegalArgumentException(
            "--strategies: unknown strategy '" + s + "' (parego, random, bo)");
      }
    }
    Specs.template(space);
    Files.createDirectories(out);
    ObjectNode meta = Specs.experiment(kind(), dataset, command);
    meta.put(
        "notes",
        String.format(
            Locale.ROOT,
            "%s over %s's searchSpace, %d sets x %d runs (%s), optimizer seeds 1..%d,"
                + " one study at a time on %s. ParEGO's objectives: minus the mean"
                + " validation accuracy and log(1 + mean synapse events per inference).",
            String.join(", ", strategies),
            space,
            budget,
            runs,
            runSeeds.describe(runs),
            optimizerSeeds,
            Specs.evaluatorCount(evaluators)));
    Specs.writeOnce(out.resolve("experiment.json"), meta);
  }

  @Override
  public void run(Studies studies, Progress progress) throws Exception {
    JsonNode template = Specs.template(space);
    List<Step> steps =
        Step.searches(
            template,
            "pareto-" + dataset,
            dataset,
            strategies,
            optimizerSeeds,
            budget,
            runs,
            runSeeds,
            out.resolve("search"));
    Step.runAll(studies, steps, progress);
  }
}
