package org.neurohpo.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.neurohpo.bayes.space.SpaceJson;

/**
 * Experiment 1: an exhaustive grid (every set of {@code gridSpec}'s space, {@code gridRuns} runs
 * each on seeds 1..R) against searches with few sets and few runs, once per optimizer seed, each on
 * its {@link RunSeeds}; a search may have a multi-fidelity scheduler ({@link SearchStrategy}: then
 * {@code budget} sets are started, most of them with fewer runs). Writes OUT/grid,
 * OUT/search/STRATEGY/seed-S. A grid that splits by its first parameter ({@link GridParts}) runs as
 * one study per part, each written to OUT/grid-parts/NN-VALUE when it ends, and OUT/grid is merged
 * from them ({@link RunFolder#merge}): the same sets, order and seeds as one study, but a stopped
 * experiment loses at most the part in progress.
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
    String gridNote;
    if (grid == null) {
      gridNote =
          String.format(
              Locale.ROOT,
              "every valid set of %s's searchSpace, %d runs each (seeds 1..%d)",
              gridSpec,
              gridRuns,
              gridRuns);
    } else {
      List<StudyResult.Trial> measured = StudyResult.read(grid).trials();
      gridNote =
          String.format(
              Locale.ROOT,
              "the measured grid %s (%d sets x %d runs), copied to grid/, not run again",
              grid,
              measured.size(),
              measured.get(0).testAccuracies().length);
    }
    meta.put(
        "notes",
        String.format(
                Locale.ROOT,
                "Grid: %s. Searches: %s, %d sets x %d runs (%s), optimizer seeds 1..%d, one study"
                    + " at a time on %s.",
                gridNote,
                String.join(", ", strategies),
                budget,
                runs,
                runSeeds.describe(runs),
                optimizerSeeds,
                Specs.evaluatorCount(evaluators))
            + (grid == null
                    && GridParts.of(Specs.template(gridSpec).path("searchSpace")).isPresent()
                ? " The grid runs as one study per value of its first parameter (grid-parts/),"
                    + " merged into grid/."
                : ""));
    Specs.writeOnce(out.resolve("experiment.json"), meta);
  }

  @Override
  public void run(Studies studies, Progress progress) throws Exception {
    JsonNode template = Specs.template(gridSpec);
    List<Step> steps = new ArrayList<>();
    Path gridDir = out.resolve("grid");
    ObjectNode whole = null;
    List<Path> partDirs = new ArrayList<>();
    if (grid != null) {
      RunFolder.copy(grid, gridDir);
    } else if (!RunFolder.done(gridDir)) {
      whole = Specs.fromTemplate(template, "grid-vs-search-" + dataset + "-grid", dataset);
      whole.put("strategy", "grid");
      whole.put("optimizerSeed", 1);
      whole.set("seeds", Specs.seeds(1, gridRuns));
      whole.put("budget", SpaceJson.fromNode(template.path("searchSpace")).enumerate().size());
      Optional<List<GridParts.Part>> parts = GridParts.of(template.path("searchSpace"));
      if (parts.isEmpty()) {
        steps.add(new Step(whole, gridDir));
      } else {
        // one study per part, each kept when it ends: a stopped experiment resumes at its part
        for (int i = 0; i < parts.get().size(); i++) {
          GridParts.Part part = parts.get().get(i);
          ObjectNode study = whole.deepCopy();
          study.put("name", whole.path("name").asText() + "-" + (i + 1));
          study.set("searchSpace", part.space());
          study.put("budget", part.sets());
          Path dir = out.resolve("grid-parts").resolve(partFolder(i, part.label()));
          steps.add(new Step(study, dir));
          partDirs.add(dir);
        }
      }
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
    mergeParts(partDirs, gridDir, whole); // the grid is there for a report before the searches
    Step.runAll(studies, steps, progress);
    mergeParts(partDirs, gridDir, whole);
  }

  /** Writes the grid's folder from its parts' once every part is done and it is not. */
  private static void mergeParts(List<Path> parts, Path gridDir, JsonNode whole)
      throws IOException {
    if (!parts.isEmpty() && !RunFolder.done(gridDir) && parts.stream().allMatch(RunFolder::done)) {
      RunFolder.merge(parts, gridDir, whole);
    }
  }

  /** {@code 01-bins}: the part's place, then its value (characters safe in a file name). */
  static String partFolder(int index, String label) {
    return String.format(
        Locale.ROOT, "%02d-%s", index + 1, label.replaceAll("[^A-Za-z0-9._-]", "_"));
  }
}
