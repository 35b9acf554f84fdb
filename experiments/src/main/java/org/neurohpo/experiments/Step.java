package org.neurohpo.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** One study of an experiment and the folder it is written to. */
public record Step(ObjectNode study, Path dir) {
  /**
   * Whether an earlier invocation finished it (a resumed experiment skips it). A finished folder of
   * another spec (the design changed since, e.g. which set a search recommends) is an error, not a
   * result to keep: it would be reported as this study's.
   */
  public boolean done() {
    if (!RunFolder.done(dir)) {
      return false;
    }
    Path stored = dir.resolve("study.json");
    if (java.nio.file.Files.exists(stored)) {
      try {
        JsonNode was = Specs.JSON.readTree(stored.toFile());
        // numbers typed as a file has them
        JsonNode now = Specs.JSON.readTree(Specs.JSON.writeValueAsString(study));
        if (!was.equals(now)) {
          java.util.Set<String> names = new java.util.TreeSet<>();
          was.fieldNames().forEachRemaining(names::add);
          now.fieldNames().forEachRemaining(names::add);
          List<String> fields =
              names.stream().filter(f -> !was.path(f).equals(now.path(f))).toList();
          throw new IllegalArgumentException(
              dir
                  + " holds a finished study of another spec ("
                  + String.join(", ", fields)
                  + " differ): move it away to run this one again");
        }
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException(dir + ": unreadable study.json: " + e.getMessage(), e);
      }
    }
    return true;
  }

  /** Its runs: sets times seeds (at most that for a study with a scheduler). */
  public long runs() {
    return study.path("budget").asLong() * study.path("seeds").size();
  }

  /**
   * The searches of a comparison: per strategy ({@link SearchStrategy}), one study per optimizer
   * seed 1..{@code optimizerSeeds} named {@code prefix-STRATEGY-S}, of {@code budget} sets on its
   * {@link RunSeeds}, into {@code searchDir/STRATEGY/seed-S}.
   */
  public static List<Step> searches(
      JsonNode template,
      String prefix,
      String dataset,
      List<String> strategies,
      int optimizerSeeds,
      int budget,
      int runs,
      RunSeeds runSeeds,
      Path searchDir) {
    List<Step> steps = new java.util.ArrayList<>();
    for (String strategy : strategies) {
      for (int s = 1; s <= optimizerSeeds; s++) {
        ObjectNode study = Specs.fromTemplate(template, prefix + "-" + strategy + "-" + s, dataset);
        SearchStrategy.of(strategy).apply(study, runs);
        study.put("budget", budget);
        study.put("optimizerSeed", s);
        study.set("seeds", runSeeds.of(s, runs));
        steps.add(new Step(study, searchDir.resolve(strategy).resolve("seed-" + s)));
      }
    }
    return steps;
  }

  /**
   * Runs the steps not done yet, one at a time, with one progress over them all, counted in runs
   * (its pace is this invocation's).
   */
  public static void runAll(Studies studies, List<Step> steps, Progress progress) throws Exception {
    long total = steps.stream().mapToLong(Step::runs).sum();
    long done = steps.stream().filter(Step::done).mapToLong(Step::runs).sum();
    progress.resumedAt(done);
    for (int k = 0; k < steps.size(); k++) {
      Step step = steps.get(k);
      if (step.done()) {
        continue;
      }
      long before = done;
      String label = String.format(Locale.ROOT, "study %d/%d", k + 1, steps.size());
      int seeds = step.study().path("seeds").size();
      step.run(
          studies,
          progress,
          v -> {
            int trials = v.path("trialsCompleted").asInt();
            progress.update(
                before + (long) trials * seeds,
                total,
                String.format(
                    Locale.ROOT, "%s, %d/%d trials", label, trials, v.path("budget").asInt()));
          });
      done += step.runs();
    }
  }

  /**
   * Runs the study to its end and writes its folder; a study that does not complete, or has a
   * failed trial, is an error.
   */
  void run(Studies studies, Progress progress, java.util.function.Consumer<JsonNode> onView)
      throws Exception {
    long started = System.nanoTime();
    JsonNode view = studies.run(study, onView);
    String id = view.path("studyId").asText();
    if (!"completed".equals(view.path("state").asText())) {
      throw new IllegalStateException(
          "study "
              + id
              + " ("
              + study.path("name").asText()
              + ") ended "
              + view.path("state").asText());
    }
    double wall = (System.nanoTime() - started) / 1e9;
    for (JsonNode t : view.path("trials")) {
      if (t.path("runs").isEmpty() && !t.path("failures").isEmpty()) {
        // an experiment's analysis needs every set measured: stop at the first failed trial
        throw new IllegalStateException(
            "study "
                + id
                + " ("
                + study.path("name").asText()
                + "): trial "
                + t.path("trialNumber").asInt()
                + " failed: "
                + t.path("failures").get(0).asText());
      }
    }
    RunFolder.write(dir, view, study, wall);
    progress.studyEnded(
        String.format(
            Locale.ROOT,
            "%s: %d trials in %.0f s, best validation %s, test %.4f",
            study.path("name").asText(),
            view.path("trialsCompleted").asInt(),
            wall,
            RunFolder.figure(view.path("best").path("meanValidationAccuracy")),
            view.path("best").path("meanTestAccuracy").asDouble()));
  }
}
