package org.neurohpo.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/** One readable line per study event, as `watch` prints them, and what `run` and `fetch` print. */
public final class EventLines {
  private EventLines() {}

  public static String of(JsonNode e) {
    String trial = "trial " + e.path("trialNumber").asInt();
    return switch (e.path("type").asText()) {
      case "StudyCreated" ->
          String.format(
              Locale.ROOT,
              "study %s created: %s on %s, %s, budget %d trials x %d seeds",
              e.path("studyId").asText(),
              e.path("spec").path("name").asText(),
              e.path("spec").path("dataset").asText(),
              e.path("spec").path("strategy").asText(),
              e.path("spec").path("budget").asInt(),
              e.path("spec").path("seeds").size());
      case "TrialRequested" ->
          e.path("rung").asInt(0) > 0
              ? String.format(
                  Locale.ROOT,
                  "%s promoted to rung %d: %d more seed(s)",
                  trial,
                  e.path("rung").asInt(),
                  e.path("seeds").size())
              : trial + " requested: " + params(e.path("params"));
      case "TrialPruned" ->
          String.format(
              Locale.ROOT,
              "%s pruned at rung %d after %d run(s): %s",
              trial,
              e.path("rung").asInt(),
              e.path("runs").asInt(),
              e.path("reason").asText());
      case "RunEvaluated" ->
          String.format(
              Locale.ROOT,
              "%s seed %d%s: validation %s, test %.4f, train %.4f, %d neurons, %d synapses, %.2f s"
                  + " [%s]",
              trial,
              e.path("run").path("seed").asLong(),
              atRung(e),
              figure(e.path("run").path("validationAccuracy")),
              e.path("run").path("testAccuracy").asDouble(),
              e.path("run").path("trainAccuracy").asDouble(),
              e.path("run").path("neurons").asInt(),
              e.path("run").path("synapses").asInt(),
              e.path("run").path("seconds").asDouble(),
              e.path("evaluator").asText());
      case "RunFailed" ->
          String.format(
              Locale.ROOT,
              "%s seed %d%s FAILED: %s [%s]",
              trial,
              e.path("seed").asLong(),
              atRung(e),
              e.path("reason").asText(),
              e.path("evaluator").asText());
      case "TrialCompleted" ->
          String.format(
              Locale.ROOT,
              "%s completed: mean validation accuracy %s, test %.4f +- %.4f over %d run(s)",
              trial,
              figure(e.path("meanValidationAccuracy")),
              e.path("meanTestAccuracy").asDouble(),
              e.path("stdTestAccuracy").asDouble(),
              e.path("runs").size());
      case "StudyCompleted" ->
          String.format(
              Locale.ROOT,
              "study completed (%s): %d trials, best trial %d with validation %s, test %.4f: %s",
              e.path("reason").asText(),
              e.path("trialsCompleted").asInt(),
              e.path("bestTrialNumber").asInt(),
              figure(e.path("bestMeanValidationAccuracy")),
              e.path("bestMeanTestAccuracy").asDouble(),
              params(e.path("bestParams")));
      case "StudyStopped" -> "study stopped: " + e.path("reason").asText();
      default -> e.toString();
    };
  }

  private static String figure(JsonNode value) {
    return RunFolder.figure(value);
  }

  /**
   * What `run` and `fetch` print of a study and the run folder they wrote; {@code state} styles the
   * study's state (colours on a terminal).
   */
  public static String runFolder(JsonNode view, Path dir, UnaryOperator<String> state) {
    JsonNode best = view.path("best");
    String b =
        best.isMissingNode() || best.isNull()
            ? "no trial completed"
            : String.format(
                "best mean validation accuracy %s, test %.4f (trial %d) with %s",
                figure(best.path("meanValidationAccuracy")),
                best.path("meanTestAccuracy").asDouble(),
                best.path("trialNumber").asInt(),
                best.path("params"));
    return String.format(
        "study %s %s: %d trials; %s%nwrote %s, %s and %s",
        view.path("studyId").asText(),
        state.apply(view.path("state").asText()),
        view.path("trialsCompleted").asInt(),
        b,
        dir.resolve(RunFolder.SUMMARY),
        dir.resolve(RunFolder.TRIALS),
        dir.resolve(RunFolder.RUNS));
  }

  /** True for the events after which a study has nothing more to say. */
  public static boolean ends(JsonNode e) {
    String t = e.path("type").asText();
    return t.equals("StudyCompleted") || t.equals("StudyStopped");
  }

  private static String params(JsonNode p) {
    List<String> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      out.add(f.getKey() + "=" + f.getValue().asText());
    }
    return String.join(" ", out);
  }

  /** " at rung k" for a run of a scheduled study, else nothing. */
  private static String atRung(JsonNode e) {
    return e.path("rung").isInt() ? " at rung " + e.path("rung").asInt() : "";
  }
}
