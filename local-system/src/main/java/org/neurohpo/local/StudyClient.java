package org.neurohpo.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** The optimizer service's REST API, as the CLI uses it. */
public final class StudyClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String base;
  private final String token;

  /** The optimizer on this machine's {@code optimizerPort}; writes carry {@code token}. */
  public StudyClient(HttpClient http, int optimizerPort, String token) {
    this.http = http;
    this.base = "http://127.0.0.1:" + optimizerPort;
    this.token = token;
  }

  /**
   * Submits a study; its id. An invalid spec is one IllegalArgumentException naming every problem.
   */
  public String submit(JsonNode study) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/studies"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(study)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(r.body());
    if (r.statusCode() == 400) {
      List<String> problems =
          JSON.convertValue(
              body.get("problems"),
              JSON.getTypeFactory().constructCollectionType(List.class, String.class));
      throw new IllegalArgumentException("invalid study: " + String.join("; ", problems));
    }
    if (r.statusCode() != 201) {
      throw new IllegalStateException("the optimizer answered " + r.statusCode() + ": " + r.body());
    }
    return body.get("studyId").asText();
  }

  /**
   * Registers a CSV data set with the optimizer (kept on Kafka, so evaluators on any machine load
   * it); its id ({@code sha256:...}), which a study names. A CSV the optimizer refuses is one
   * IllegalArgumentException naming the problem.
   */
  public String registerDataset(String name, String csv) throws IOException, InterruptedException {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    safe = safe.isEmpty() ? "dataset" : safe.substring(0, Math.min(100, safe.length()));
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/datasets?name=" + safe))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(csv))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(r.body());
    if (r.statusCode() == 400 || r.statusCode() == 413 || r.statusCode() == 429) {
      throw new IllegalArgumentException(
          "data set " + name + ": " + body.path("problems").path(0).asText(r.body()));
    }
    if (r.statusCode() != 201 && r.statusCode() != 200) {
      throw new IllegalStateException("the optimizer answered " + r.statusCode() + ": " + r.body());
    }
    return body.get("id").asText();
  }

  /** The optimizer's view of a study (state, budget, trials, best). */
  public JsonNode view(String id) throws IOException, InterruptedException {
    return JSON.readTree(
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/studies/" + id)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  /** Asks the optimizer to stop a study; gives up silently after 5 s (used while shutting down). */
  public void stopQuietly(String id) {
    try {
      http.send(
          HttpRequest.newBuilder(URI.create(base + "/studies/" + id + "/stop"))
              .timeout(java.time.Duration.ofSeconds(5))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + token)
              .POST(HttpRequest.BodyPublishers.noBody())
              .build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      // the optimizer is gone already
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Polls until the study is no longer running; its final view. */
  public JsonNode awaitEnd(String id) throws IOException, InterruptedException {
    return awaitEnd(id, v -> {});
  }

  /** Polls the study until it ends, handing each view to {@code onView} (a progress bar). */
  public JsonNode awaitEnd(String id, java.util.function.Consumer<JsonNode> onView)
      throws IOException, InterruptedException {
    while (true) {
      JsonNode v = view(id);
      onView.accept(v);
      if (!"running".equals(v.path("state").asText())) {
        return v;
      }
      Thread.sleep(250);
    }
  }
}
