package org.neurohpo.risp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One simulation from a cleared state, in the golden-case formats of docs/RISP.md: spikes as {@code
 * [{"node":id,"time":t,"value":v}, ...]} and the result as {@code {"counts":{...},
 * "steps":N,"times":{...}}} keyed by output node id.
 */
public final class Simulation {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Simulation() {}

  /** Reads a spikes file; a node that is not an input, a bad time or value names the entry. */
  public static List<InputSpike> readSpikes(Path file, Network network) {
    try {
      return parseSpikes(Files.readString(file), network);
    } catch (NoSuchFileException e) {
      throw new SpikeFormatException("no such spikes file: " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read spikes file " + file, e);
    } catch (SpikeFormatException e) {
      throw new SpikeFormatException(file + ": " + e.getMessage());
    }
  }

  public static List<InputSpike> parseSpikes(String json, Network network) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SpikeFormatException("not valid JSON (line " + e.getLocation().getLineNr() + ")");
    }
    if (root == null || !root.isArray()) {
      throw new SpikeFormatException("spikes must be a JSON array of {node, time, value}");
    }
    List<Long> inputs = network.inputs();
    List<InputSpike> spikes = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      JsonNode s = root.get(i);
      String where = "spike " + i;
      JsonNode node = s.get("node");
      JsonNode time = s.get("time");
      JsonNode value = s.get("value");
      if (node == null || !node.isIntegralNumber()) {
        throw new SpikeFormatException(where + ": node must be an input node id");
      }
      int input = inputs.indexOf(node.longValue());
      if (input < 0) {
        throw new SpikeFormatException(
            where
                + ": node "
                + node.longValue()
                + " is not an input of the network (inputs: "
                + inputs
                + ")");
      }
      if (time == null
          || !time.isIntegralNumber()
          || time.longValue() < 0
          || time.longValue() > Integer.MAX_VALUE / 2) {
        throw new SpikeFormatException(where + ": time must be an integer >= 0, got " + time);
      }
      if (value == null
          || !value.isNumber()
          || !(value.doubleValue() >= 0 && value.doubleValue() <= 1)) {
        throw new SpikeFormatException(where + ": value must be in [0, 1], got " + value);
      }
      spikes.add(new InputSpike(input, time.intValue(), value.doubleValue()));
    }
    return spikes;
  }

  /** Runs {@code steps} timesteps from a cleared state and returns the fires of every output. */
  public static Result run(Network network, List<InputSpike> spikes, int steps) {
    Processor p = new Processor(network);
    for (InputSpike s : spikes) {
      p.applySpike(s.input(), s.time(), s.value());
    }
    p.run(steps);
    List<Long> outputs = network.outputs();
    int[][] times = new int[outputs.size()][];
    for (int o = 0; o < outputs.size(); o++) {
      times[o] = p.outputTimes(o);
    }
    return new Result(steps, outputs, times);
  }

  /** The golden-case JSON, formatted as the reference's files: sorted keys, ", " and ": ". */
  public static String goldenJson(Network network, List<InputSpike> spikes, int steps) {
    return run(network, spikes, steps).toJson();
  }

  /** Output fire times of one run, by output. */
  public record Result(int steps, List<Long> outputIds, int[][] times) {
    public String toJson() {
      TreeMap<String, int[]> byId = new TreeMap<>();
      for (int o = 0; o < outputIds.size(); o++) {
        byId.put(Long.toString(outputIds.get(o)), times[o]);
      }
      StringBuilder sb = new StringBuilder("{\"counts\": {");
      String sep = "";
      for (var e : byId.entrySet()) {
        sb.append(sep).append('"').append(e.getKey()).append("\": ").append(e.getValue().length);
        sep = ", ";
      }
      sb.append("}, \"steps\": ").append(steps).append(", \"times\": {");
      sep = "";
      for (var e : byId.entrySet()) {
        sb.append(sep).append('"').append(e.getKey()).append("\": [");
        int[] t = e.getValue();
        for (int i = 0; i < t.length; i++) {
          sb.append(i == 0 ? "" : ", ").append(t[i]);
        }
        sb.append(']');
        sep = ", ";
      }
      return sb.append("}}").toString();
    }
  }
}
