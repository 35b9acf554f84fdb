package org.neurohpo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurohpo.local.LocalStack;
import org.neurohpo.local.StudyClient;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The results service's dashboard in a real headless Chromium, on the real system: a small study
 * runs while the study page is open; its live curve gains points without a reload, its table
 * matches the REST API, and the spec it offers to rerun the best set reruns exactly that set.
 * Screenshots go to target/dashboard-screenshots/.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} (.ci/run installs them). Without
 * them the test skips itself, unless NEUROHPO_REQUIRE_BROWSER=1 (as in CI), where it fails.
 */
class DashboardBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target/dashboard-screenshots");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static LocalStack stack;
  private static LocalStack.Parts parts;
  private static StudyClient client;
  private static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "1".equals(System.getenv("NEUROHPO_REQUIRE_BROWSER"))) {
      throw new IllegalStateException(
          "NEUROHPO_REQUIRE_BROWSER=1 but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
    }
    Assumptions.assumeTrue(
        present, "no chromium and chromedriver (apt-get install chromium chromium-driver)");
    stack =
        new LocalStack(
            Path.of("..").toAbsolutePath().normalize(),
            Files.createDirectories(dir.resolve("logs")));
    parts = stack.startSystem(null, dir, 1, 1, 2);
    client = new StudyClient(stack.http(), parts.optimizerPort(), stack.token());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1800");
    browser =
        new ChromeDriver(
            new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
            options);
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void studyPageFollowsALiveStudyAndMatchesTheRestApi() throws Exception {
    String id =
        client.submit(
            JSON.readTree(
                """
                {"name": "dashboard", "dataset": "iris", "strategy": "bo", "budget": 8,
                 "seeds": [1, 2], "optimizerSeed": 3,
                 "searchSpace": {"parameters": [
                   {"name": "encoder", "type": "cat", "choices": ["bins", "triangle"]},
                   {"name": "bins", "type": "int", "low": 2, "high": 8},
                   {"name": "simTime", "type": "ordinal", "values": [16, 24, 32]}]},
                 "fixedParams": {"populationSize": 20, "generations": 10}}
                """));
    browser.get(results("/study.html?id=" + id));
    ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

    // the live curve gains points while the study runs, without a reload
    waitFor(Duration.ofSeconds(120), () -> points("best-curve") >= 1);
    int first = points("best-curve");
    waitFor(Duration.ofSeconds(120), () -> points("best-curve") > first);
    shoot("study-live");
    waitFor(
        Duration.ofSeconds(180),
        () -> browser.findElement(By.id("status")).getText().equals("completed"));
    assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true"))
        .isEqualTo(true);
    assertThat(points("best-curve")).isEqualTo(8);
    assertThat(points("scatter")).isEqualTo(8);
    assertThat(points("parallel")).isEqualTo(8);
    assertThat(points("energy")).isEqualTo(8);
    assertThat(browser.findElement(By.id("progress")).getText()).isEqualTo("8 / 8");

    // the table holds exactly the trials of the REST API, with their validation means (what the
    // study ranks by)
    JsonNode trials = get("/studies/" + id + "/trials");
    Map<Integer, Double> rest = new HashMap<>();
    trials.forEach(
        t -> rest.put(t.path("trialNumber").asInt(), t.path("meanValidationAccuracy").asDouble()));
    Map<Integer, Double> shown = new HashMap<>();
    for (Row row : trialRows()) {
      shown.put(row.trial(), row.mean());
    }
    assertThat(shown).isEqualTo(rest);

    // sorting by mean validation accuracy (descending first) puts the REST API's best on top
    browser.findElement(By.cssSelector("#trials th[data-key='meanValidationAccuracy']")).click();
    List<Double> means = new ArrayList<>();
    for (Row row : trialRows()) {
      means.add(row.mean());
    }
    assertThat(means).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    // the REST API's best is the best set over all its runs (GP-BO may re-run a set: its trials
    // pool, under the earliest number); without repeats that is the top row
    JsonNode best = get("/studies/" + id + "/best");
    Map<JsonNode, double[]> sets = new HashMap<>(); // params -> validation sum, runs, first trial
    trials.forEach(
        t -> {
          int n = t.path("runs").size();
          double[] set =
              sets.computeIfAbsent(t.path("params"), k -> new double[] {0, 0, Double.MAX_VALUE});
          set[0] += t.path("meanValidationAccuracy").asDouble() * n;
          set[1] += n;
          set[2] = Math.min(set[2], t.path("trialNumber").asInt());
        });
    double[] bestSet =
        sets.values().stream()
            .max(
                java.util.Comparator.<double[]>comparingDouble(v -> v[0] / v[1])
                    .thenComparingDouble(v -> -v[2]))
            .orElseThrow();
    assertThat(best.path("trialNumber").asInt()).isEqualTo((int) bestSet[2]);
    assertThat(best.path("meanValidationAccuracy").asDouble())
        .isCloseTo(bestSet[0] / bestSet[1], org.assertj.core.api.Assertions.within(1e-12));
    // the page names the same best, re-runs pooled
    waitFor(
        Duration.ofSeconds(10),
        () ->
            browser
                .findElement(By.id("best"))
                .getText()
                .endsWith("trial " + best.path("trialNumber").asText() + ")"));
    if (sets.size() == trials.size()) {
      assertThat(trialRows().get(0).trial()).isEqualTo(best.path("trialNumber").asInt());
    }
    shoot("study-done");

    // one row per HP set: a set's trials pooled under its earliest number, as the REST API pools
    // them; sorted by mean validation accuracy the top row is the REST API's best, marked best
    browser.findElement(By.id("by-set")).click();
    Map<Integer, Double> pooled = new HashMap<>();
    sets.values().forEach(v -> pooled.put((int) v[2], v[0] / v[1]));
    Map<Integer, Double> shownSets = new HashMap<>();
    List<Row> setRows = trialRows();
    for (Row r : setRows) {
      shownSets.put(r.trial(), r.mean());
    }
    assertThat(shownSets).hasSameSizeAs(pooled);
    pooled.forEach(
        (trial, mean) ->
            assertThat(shownSets.get(trial))
                .as("pooled mean of the set first measured in trial %d", trial)
                .isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-12)));
    assertThat(setRows.get(0).trial()).isEqualTo(best.path("trialNumber").asInt());
    assertThat(setRows.get(0).cls()).isEqualTo("best");
    shoot("study-sets");

    // the copyable spec reruns exactly the best set
    waitFor(Duration.ofSeconds(10), () -> browser.findElement(By.id("rerun-spec")).isDisplayed());
    JsonNode rerun = JSON.readTree(browser.findElement(By.id("rerun-spec")).getText());
    String again = client.submit(rerun);
    assertThat(client.awaitEnd(again).path("state").asText()).isEqualTo("completed");
    JsonNode rerunTrials = get("/studies/" + again + "/trials");
    assertThat(rerunTrials).hasSize(1);
    assertThat(number(rerunTrials.get(0).path("params"))).isEqualTo(number(best.path("params")));
    assertThat(rerunTrials.get(0).path("meanTestAccuracy").asDouble())
        .isEqualTo(best.path("meanTestAccuracy").asDouble()); // same seeds, same result

    // the study list shows both studies with their progress and best
    browser.get(results("/"));
    waitFor(
        Duration.ofSeconds(10),
        () -> browser.findElements(By.cssSelector("#studies tbody tr")).size() == 2);
    // read in one script: the list re-renders on every update of its stream
    String rowText =
        (String)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return document.querySelector(\"#studies tr[data-study='\" + arguments[0]"
                        + " + \"']\").innerText;",
                    id);
    assertThat(rowText)
        .contains("dashboard", "completed", "bo", "iris", "8 / 8")
        .contains(String.format("%.4f", best.path("meanValidationAccuracy").asDouble()))
        .contains(String.format("%.4f", best.path("meanTestAccuracy").asDouble()));
    shoot("study-list");
  }

  /** Parameters with every number as a double, so 3 and 3.0 compare equal. */
  private static Map<String, Object> number(JsonNode params) {
    Map<String, Object> out = new HashMap<>();
    params
        .fields()
        .forEachRemaining(
            e ->
                out.put(
                    e.getKey(),
                    e.getValue().isNumber()
                        ? (Object) e.getValue().asDouble()
                        : e.getValue().asText()));
    return out;
  }

  /** One row of the trials table, as the page shows it. */
  private record Row(int trial, double mean, String cls) {}

  /**
   * The trials table's rows, read in one script: the page replaces the table's body whenever it
   * re-renders (an event, a re-run fetched), so rows found one call and read the next may be stale.
   */
  private static List<Row> trialRows() {
    @SuppressWarnings("unchecked")
    List<List<Object>> raw =
        (List<List<Object>>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return [...document.querySelectorAll('#trials tbody tr')]"
                        + ".map(r => [r.dataset.trial, r.dataset.mean, r.className]);");
    List<Row> rows = new ArrayList<>();
    for (List<Object> r : raw) {
      rows.add(
          new Row(
              Integer.parseInt((String) r.get(0)),
              Double.parseDouble((String) r.get(1)),
              (String) r.get(2)));
    }
    return rows;
  }

  private static int points(String chart) {
    return Integer.parseInt(browser.findElement(By.id(chart)).getAttribute("data-points"));
  }

  private static void waitFor(Duration timeout, java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, timeout, Duration.ofMillis(200))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> condition.getAsBoolean());
  }

  private static void shoot(String name) throws Exception {
    Files.write(
        SHOTS.resolve(name + ".png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private static String results(String path) {
    return "http://127.0.0.1:" + parts.resultsPort() + path;
  }

  private static JsonNode get(String path) throws Exception {
    HttpResponse<String> r =
        stack
            .http()
            .send(
                HttpRequest.newBuilder(URI.create(results(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
