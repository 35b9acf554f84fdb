package org.neurohpo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.neurohpo.experiments.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints a study's completed trials from the results service as CSV or JSON. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a study's completed trials from the results service.",
      "csv: one row per trial (number, params, mean, std, runs, validationMean, validationStd),",
      "as trials.csv of `run` (mean and std: test accuracy);",
      "json: the trial results with every run, as on the results topic."
    })
final class ExportCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Output formats. */
  enum Format {
    csv,
    json
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "STUDY_ID", description = "the study")
  String studyId;

  @Option(
      names = "--format",
      paramLabel = "csv|json",
      description = "output format (default ${DEFAULT-VALUE})")
  Format format = Format.csv;

  @Option(
      names = "--results",
      paramLabel = "URL",
      description = "the results service (default ${DEFAULT-VALUE})")
  String results = "http://localhost:8082";

  @Override
  public Integer call() throws Exception {
    URI uri = URI.create(results.replaceAll("/+$", "") + "/studies/" + studyId + "/trials");
    HttpResponse<String> r;
    try {
      r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                  HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot reach the results service at " + results);
    }
    if (r.statusCode() == 404) {
      throw new IllegalArgumentException("the results service has no results for " + studyId);
    }
    if (r.statusCode() != 200) {
      throw new IllegalStateException("the results service answered " + r.statusCode());
    }
    JsonNode trials = JSON.readTree(r.body());
    spec.commandLine()
        .getOut()
        .print(
            format == Format.csv ? RunFolder.csv(trials) : JSON.writeValueAsString(trials) + "\n");
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
