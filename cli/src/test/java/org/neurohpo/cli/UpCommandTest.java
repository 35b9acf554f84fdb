package org.neurohpo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `neurohpo up` as a user runs it: it prints where each part answers and its token, then 'ready'; a
 * write needs that token; an evaluator that dies is started again and the study completes; `watch`
 * works against its broker; Ctrl-C stops every part.
 */
class UpCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void upPrintsItsPartsKeepsThemRunningAndStopsThemOnCtrlC() throws Exception {
    Process up =
        CliProcess.of("up", "--evaluators", "1")
            .redirectError(dir.resolve("up.err").toFile())
            .start();
    try {
      Map<String, String> parts = new HashMap<>();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(up.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null && !line.equals("ready")) {
        int colon = line.indexOf(": ");
        parts.put(line.substring(0, colon), line.substring(colon + 2));
      }
      assertThat(line).as("ready; " + err()).isEqualTo("ready");
      assertThat(parts).containsOnlyKeys("optimizer", "results", "dashboard", "kafka", "token");
      HttpClient http = HttpClient.newHttpClient();
      String spec =
          """
          {"name": "up", "dataset": "iris", "strategy": "random", "budget": 3, "seeds": [1, 2],
           "searchSpace": [{"name": "bins", "type": "int", "low": 2, "high": 8}],
           "fixedParams": {"populationSize": 40, "generations": 40}}
          """;
      assertThat(post(http, parts.get("optimizer"), spec, null).statusCode()).isEqualTo(401);
      HttpResponse<String> created = post(http, parts.get("optimizer"), spec, parts.get("token"));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String id = JSON.readTree(created.body()).get("studyId").asText();

      // the evaluator dies; up starts it again
      ProcessHandle evaluator =
          up.descendants()
              .filter(p -> p.info().commandLine().orElse("").contains("evaluator-service"))
              .findFirst()
              .orElseThrow();
      evaluator.destroyForcibly();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      String state = "";
      while (!state.equals("completed") && System.nanoTime() < deadline) {
        Thread.sleep(500);
        JsonNode view =
            JSON.readTree(
                http.send(
                        HttpRequest.newBuilder(
                                URI.create(parts.get("optimizer") + "/studies/" + id))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body());
        state = view.path("state").asText();
      }
      assertThat(state).as("study completed; " + err()).isEqualTo("completed");
      assertThat(err()).contains("evaluator-1 had stopped; started it again");
      assertThat(
              http.send(
                      HttpRequest.newBuilder(URI.create(parts.get("dashboard"))).build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(200);

      Cli watch = Cli.run("watch", id, "--against", parts.get("kafka"), "--json");
      assertThat(watch.exitCode()).as(watch.err()).isZero();
      List<String> lines = watch.out().lines().toList();
      assertThat(JSON.readTree(lines.get(0)).path("type").asText()).isEqualTo("StudyCreated");
      assertThat(JSON.readTree(lines.get(lines.size() - 1)).path("type").asText())
          .isEqualTo("StudyCompleted");
    } finally {
      List<ProcessHandle> children = up.descendants().toList();
      new ProcessBuilder("kill", "-TERM", Long.toString(up.pid())).start().waitFor();
      assertThat(up.waitFor(90, TimeUnit.SECONDS)).as("up exits on Ctrl-C").isTrue();
      for (ProcessHandle child : children) {
        child.onExit().get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static HttpResponse<String> post(HttpClient http, String base, String body, String token)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + "/studies"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String err() {
    try {
      return Files.readString(dir.resolve("up.err"));
    } catch (Exception e) {
      return "";
    }
  }
}
