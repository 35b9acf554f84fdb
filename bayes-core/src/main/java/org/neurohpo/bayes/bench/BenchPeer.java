package org.neurohpo.bayes.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.space.SpaceJson;
import org.neurohpo.bayes.strategy.BayesOptions;
import org.neurohpo.bayes.strategy.BayesianStrategy;
import org.neurohpo.bayes.strategy.Candidate;
import org.neurohpo.bayes.strategy.Observation;
import org.neurohpo.bayes.strategy.Strategy;

/**
 * The optimizer side of the benchmark harness's JSON-lines contract: one request per stdin line
 * ({@code init}, {@code ask}, {@code tell}, {@code close}), exactly one JSON reply per line on
 * stdout (except after {@code close}); failures reply {@code {"error": ...}}.
 */
public final class BenchPeer {

  /** Name reported in the {@code init} reply. */
  public static final String NAME = "neurohpo-gp-bo 0.2";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private Strategy strategy;

  private BenchPeer() {}

  /** Runs the protocol until {@code close} or end of input; returns the process exit code. */
  public static int run(InputStream in, PrintStream out, PrintStream err) {
    BenchPeer peer = new BenchPeer();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode reply;
        try {
          JsonNode msg = MAPPER.readTree(line);
          if ("close".equals(msg.path("op").asText())) {
            peer.logRecommendation(err);
            return 0;
          }
          reply = peer.handle(msg);
        } catch (IOException | RuntimeException e) {
          e.printStackTrace(err);
          reply = MAPPER.createObjectNode().put("error", String.valueOf(e));
        }
        out.println(MAPPER.writeValueAsString(reply));
        out.flush();
      }
      return 0;
    } catch (IOException e) {
      e.printStackTrace(err);
      return 1;
    }
  }

  private JsonNode handle(JsonNode msg) {
    String op = msg.path("op").asText();
    ObjectNode reply = MAPPER.createObjectNode();
    switch (op) {
      case "init" -> {
        SearchSpace space = SpaceJson.fromNode(msg.get("space"));
        int budget = msg.path("budget").asInt(0);
        long seed = msg.path("seed").asLong(0);
        BayesOptions options = BayesOptions.forStudy(space.parameters().size(), budget);
        String fantasy = System.getenv("NEUROHPO_BENCH_FANTASY");
        if (fantasy != null) {
          options = options.withFantasy(BayesOptions.Fantasy.valueOf(fantasy));
        }
        strategy = new BayesianStrategy(space, seed, options);
        reply.put("ok", true).put("name", NAME);
      }
      case "ask" -> {
        ArrayNode cands = reply.putArray("candidates");
        for (Candidate c : started().ask(msg.path("n").asInt(1))) {
          ObjectNode o = cands.addObject().put("id", c.id());
          o.set("params", MAPPER.valueToTree(c.params()));
        }
      }
      case "tell" -> {
        List<Observation> obs = new ArrayList<>();
        for (JsonNode r : msg.path("results")) {
          JsonNode id = r.get("id");
          @SuppressWarnings("unchecked")
          Map<String, Object> params = MAPPER.convertValue(r.get("params"), Map.class);
          obs.add(
              new Observation(
                  id == null || id.isNull() ? null : id.asText(),
                  params,
                  r.path("value").asDouble()));
        }
        started().tell(obs);
        reply.put("ok", true);
      }
      default -> throw new IllegalArgumentException("unknown op '" + op + "'");
    }
    return reply;
  }

  /** Writes the final recommendation as one JSON line on the log stream (stderr). */
  private void logRecommendation(PrintStream err) {
    if (strategy != null) {
      strategy
          .best()
          .ifPresent(
              r -> {
                ObjectNode o = MAPPER.createObjectNode();
                o.set("recommendation", MAPPER.valueToTree(r.params()));
                o.put("predictedMean", r.predictedMean()).put("runs", r.runs());
                err.println(o);
              });
    }
  }

  private Strategy started() {
    if (strategy == null) {
      throw new IllegalStateException("'init' must come first");
    }
    return strategy;
  }

  /** Entry point: speaks the contract on stdin/stdout; stray prints go to stderr. */
  public static void main(String[] args) {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    System.exit(run(System.in, out, System.err));
  }
}
