package org.neurohpo.bayes.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.space.SearchSpaceJson;
import org.neurohpo.bayes.strategy.GpOptimizer;
import org.neurohpo.bayes.strategy.Observation;
import org.neurohpo.bayes.strategy.Optimizer;
import org.neurohpo.bayes.strategy.Suggestion;

/**
 * The optimizer as a peer of the benchmark harness (../shared/bench): JSON lines in on stdin
 * ({@code init}, {@code ask}, {@code tell}, {@code close}), one JSON line out per request on
 * stdout, logs on stderr. A failed request answers {@code {"error": "..."}} and the peer goes on.
 */
public final class BenchPeer {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String NAME = "neurohpo-gp 0.1";

  private Optimizer optimizer;
  private SearchSpace space;

  private BenchPeer() {}

  public static void main(String[] args) {
    System.exit(run(System.in, System.out, System.err));
  }

  /** Serves requests until {@code close} or end of input; returns the exit code. */
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
          JsonNode request = JSON.readTree(line);
          if ("close".equals(request.path("op").asText())) {
            return 0;
          }
          reply = peer.handle(request);
        } catch (IOException | RuntimeException e) {
          err.println("bench-peer: " + e);
          reply = JSON.createObjectNode().put("error", String.valueOf(e.getMessage()));
        }
        out.println(JSON.writeValueAsString(reply));
        out.flush();
      }
      return 0;
    } catch (IOException e) {
      err.println("bench-peer: " + e.getMessage());
      return 1;
    }
  }

  private JsonNode handle(JsonNode req) {
    String op = req.path("op").asText();
    return switch (op) {
      case "init" -> init(req);
      case "ask" -> ask(req.path("n").asInt(1));
      case "tell" -> tell(req.get("results"));
      default -> throw new IllegalArgumentException("unknown op '" + op + "'");
    };
  }

  private JsonNode init(JsonNode req) {
    if (!"minimize".equals(req.path("direction").asText("minimize"))) {
      throw new IllegalArgumentException("only direction minimize is supported");
    }
    space = SearchSpaceJson.parse(req.get("space"));
    optimizer = new GpOptimizer(space, req.path("seed").asLong(0));
    return JSON.createObjectNode().put("ok", true).put("name", NAME);
  }

  private JsonNode ask(int n) {
    requireInit();
    ObjectNode reply = JSON.createObjectNode();
    ArrayNode cands = reply.putArray("candidates");
    for (Suggestion s : optimizer.ask(n)) {
      ObjectNode c = cands.addObject();
      c.put("id", s.id());
      c.set("params", JSON.valueToTree(s.params()));
    }
    return reply;
  }

  private JsonNode tell(JsonNode results) {
    requireInit();
    if (results == null || !results.isArray()) {
      throw new IllegalArgumentException("tell needs a list of results");
    }
    List<Observation> obs = new ArrayList<>();
    for (JsonNode r : results) {
      JsonNode id = r.get("id");
      obs.add(
          new Observation(
              id == null || id.isNull() ? null : id.asText(),
              params(r.get("params")),
              r.path("value").asDouble(Double.NaN)));
    }
    optimizer.tell(obs);
    return JSON.createObjectNode().put("ok", true);
  }

  private static Map<String, Object> params(JsonNode p) {
    Map<String, Object> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = p.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      out.put(
          e.getKey(),
          v.isIntegralNumber()
              ? (Object) v.intValue()
              : v.isNumber() ? (Object) v.doubleValue() : (Object) v.asText());
    }
    return out;
  }

  private void requireInit() {
    if (optimizer == null) {
      throw new IllegalStateException("init must come first");
    }
  }
}
