package org.neurohpo.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neurohpo.neuro.hp.HyperParameterCatalog;

/**
 * Experiment 3: how much each HP and each HP category explains. A random-search sample of a joint
 * space ({@code trials} sets, {@code runs} runs each on seeds 1..K) and a one-at-a-time sweep of
 * every HP of it ({@code sweepValues} values, the others at their defaults clamped into the space's
 * ranges). Writes OUT/sample and OUT/sweeps/HP.
 */
public record SensitivityDesign(
    String dataset,
    Path out,
    Path space,
    int trials,
    int runs,
    int sweepValues,
    int evaluators,
    String command)
    implements Design {

  @Override
  public String kind() {
    return "sensitivity";
  }

  @Override
  public void prepare() throws IOException {
    Specs.atLeast("--trials", trials, 2);
    Specs.atLeast("--runs", runs, 1);
    Specs.atLeast("--sweep-values", sweepValues, 2);
    Specs.atLeast("--evaluators", evaluators, 1);
    JsonNode template = template();
    ObjectNode groups = Specs.JSON.createObjectNode();
    for (JsonNode p : Specs.parameters(template)) {
      String name = p.path("name").asText();
      groups.put(name, category(name));
    }
    Files.createDirectories(out);
    ObjectNode meta = Specs.experiment(kind(), dataset, command);
    meta.set("groups", groups);
    meta.put(
        "notes",
        String.format(
            Locale.ROOT,
            "Sample: random search over %s's searchSpace, %d sets x %d runs (seeds 1..%d)."
                + " Sweeps: each HP over %d values (all choices of a categorical one), the"
                + " others at their defaults, %d runs per value.",
            space,
            trials,
            runs,
            runs,
            sweepValues,
            runs));
    Specs.writeOnce(out.resolve("experiment.json"), meta);
  }

  private JsonNode template() throws IOException {
    JsonNode template = Specs.template(space);
    if (template.path("searchSpace").has("constraints")) {
      throw new IllegalArgumentException(
          space
              + ": the joint space must have no constraints (Sobol indices need independent HPs)");
    }
    return template;
  }

  @Override
  public void run(Studies studies, Progress progress) throws Exception {
    JsonNode template = template();
    List<Step> steps = new ArrayList<>();
    ObjectNode sample = Specs.fromTemplate(template, "sensitivity-" + dataset + "-sample", dataset);
    sample.put("strategy", "random");
    sample.put("budget", trials);
    sample.put("optimizerSeed", 1);
    sample.set("seeds", Specs.seeds(1, runs));
    steps.add(new Step(sample, out.resolve("sample")));
    for (JsonNode p : Specs.parameters(template)) {
      steps.add(
          new Step(sweep(template, p), out.resolve("sweeps").resolve(p.path("name").asText())));
    }
    Step.runAll(studies, steps, progress);
  }

  /** A grid study over one HP's values; an HP active only under a condition gets it fixed. */
  ObjectNode sweep(JsonNode template, JsonNode p) {
    String name = p.path("name").asText();
    ObjectNode study =
        Specs.fromTemplate(template, "sensitivity-" + dataset + "-sweep-" + name, dataset);
    study.put("strategy", "grid");
    study.put("optimizerSeed", 1);
    study.set("seeds", Specs.seeds(1, runs));
    ObjectNode param = Specs.JSON.createObjectNode();
    param.put("name", name);
    ArrayNode values;
    switch (p.path("type").asText()) {
      case "cat" -> {
        param.put("type", "cat");
        values = param.putArray("choices");
        p.path("choices").forEach(values::add);
      }
      case "ordinal" -> {
        param.put("type", "ordinal");
        values = param.putArray("values");
        p.path("values").forEach(values::add);
      }
      default -> {
        param.put("type", "ordinal");
        values = param.putArray("values");
        double lo = p.path("low").asDouble();
        double hi = p.path("high").asDouble();
        boolean integer = p.path("type").asText().equals("int");
        List<Double> seen = new ArrayList<>();
        for (int i = 0; i < sweepValues; i++) {
          double v = lo + (hi - lo) * i / (sweepValues - 1);
          v = integer ? Math.rint(v) : v;
          if (!seen.contains(v)) {
            seen.add(v);
            values.add(v);
          }
        }
      }
    }
    study.set("searchSpace", Specs.JSON.createArrayNode().add(param));
    study.put("budget", values.size());
    ObjectNode fixed = Specs.fixedParams(template);
    // the other HPs stay at their defaults, clamped into the joint space's ranges (a default
    // simTime of 24 would not fit a temporal window of 32)
    for (JsonNode other : Specs.parameters(template)) {
      String o = other.path("name").asText();
      if (!o.equals(name) && other.has("low") && !fixed.has(o)) {
        Object d = HyperParameterCatalog.get(o).defaultValue();
        if (d instanceof Number n) {
          double v = n.doubleValue();
          double c =
              Math.max(other.path("low").asDouble(), Math.min(other.path("high").asDouble(), v));
          if (c != v) {
            fixed.put(o, c);
          }
        }
      }
    }
    // an HP used only by some encoders is swept under the first of them
    p.path("when").fields().forEachRemaining(c -> fixed.set(c.getKey(), c.getValue().get(0)));
    study.set("fixedParams", fixed);
    return study;
  }

  private static String category(String hp) {
    return switch (Specs.categoryOf(hp, "the joint space")) {
      case ENCODING -> "encoding";
      case TRAINING -> "EONS";
      case HARDWARE -> "hardware";
    };
  }
}
