package org.neurohpo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurohpo.risp.NetworkJson;

/** The commands' exact output contracts, run in-process on real data. */
class CommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] TINY = {
    "--param", "populationSize=20", "--param", "generations=5", "--quiet"
  };

  @TempDir Path dir;

  @Test
  void evaluateJsonHasTheContractFields() throws IOException {
    Cli cli = Cli.run(concat("evaluate", "--dataset", "iris", "--seeds", "1,2", "--json"));
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    JsonNode r = JSON.readTree(cli.out());
    assertThat(r.get("dataset").asText()).isEqualTo("iris");
    assertThat(r.get("params").get("populationSize").asInt()).isEqualTo(20);
    assertThat(r.get("params").get("encoder").asText()).isEqualTo("bins");
    assertThat(r.get("runs")).hasSize(2);
    JsonNode run = r.get("runs").get(0);
    for (String f :
        new String[] {
          "seed",
          "trainAccuracy",
          "validationAccuracy",
          "testAccuracy",
          "neurons",
          "synapses",
          "spikesPerSample",
          "seconds"
        }) {
      assertThat(run.has(f)).as(f).isTrue();
    }
    double a = r.get("runs").get(0).get("testAccuracy").asDouble();
    double b = r.get("runs").get(1).get("testAccuracy").asDouble();
    assertThat(r.get("meanTestAccuracy").asDouble()).isCloseTo((a + b) / 2, within());
    assertThat(r.get("stdTestAccuracy").asDouble())
        .isCloseTo(Math.abs(a - b) / Math.sqrt(2), within());
    double va = r.get("runs").get(0).get("validationAccuracy").asDouble();
    double vb = r.get("runs").get(1).get("validationAccuracy").asDouble();
    assertThat(va).isBetween(0.0, 1.0);
    assertThat(r.get("meanValidationAccuracy").asDouble()).isCloseTo((va + vb) / 2, within());
    assertThat(r.get("stdValidationAccuracy").asDouble())
        .isCloseTo(Math.abs(va - vb) / Math.sqrt(2), within());
    // iris: 27 validation samples of 150, so each validation accuracy is k / 27
    assertThat(va * 27).isCloseTo(Math.rint(va * 27), within());
  }

  @Test
  void evaluateTableAndSavedNetworks() {
    Path net = dir.resolve("net.json");
    Cli cli =
        Cli.run(
            concat(
                "evaluate",
                "--dataset",
                "wine",
                "--seeds",
                "3,4",
                "--save-network",
                net.toString()));
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out())
        .contains("data set  wine (178 samples, 13 features, 3 classes)")
        .contains("validation accuracy: mean")
        .contains("test accuracy:       mean");
    assertThat(NetworkJson.read(dir.resolve("net-seed3.json")).outputs()).hasSize(3);
    assertThat(dir.resolve("net-seed4.json")).exists();
  }

  @Test
  void simulatePrintsTheGoldenCaseExactly() throws IOException, URISyntaxException {
    Path golden = Path.of(getClass().getResource("/golden/005").toURI());
    Cli cli =
        Cli.run(
            "simulate",
            golden.resolve("network.json").toString(),
            "--spikes",
            golden.resolve("spikes.json").toString(),
            "--steps",
            "91");
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out().strip()).isEqualTo(Files.readString(golden.resolve("expected.json")));
  }

  @Test
  void hpSpaceListsEveryCategory() throws IOException {
    Cli table = Cli.run("hp-space");
    assertThat(table.out()).contains("encoding", "training", "hardware", "populationSize", "100");
    JsonNode all = JSON.readTree(Cli.run("hp-space", "--json").out());
    assertThat(all.size()).isGreaterThan(25);
    assertThat(all.get(0).get("name").asText()).isEqualTo("encoder");
  }

  @Test
  void unknownDataSetIsOneLineListingTheKnownOnes() {
    assertOneLineError(
        Cli.run("evaluate", "--dataset", "irsi"), "unknown data set 'irsi'; built-in: iris");
  }

  @Test
  void badCsvNamesFileAndLine() throws IOException {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "a,class\n1,0\nfoo,1\n");
    assertOneLineError(
        Cli.run("evaluate", "--dataset", csv.toString()), csv + ":3: column 'a' is not a number");
  }

  @Test
  void unknownHpAndOutOfRangeValueAreNamed() {
    assertOneLineError(
        Cli.run("evaluate", "--dataset", "iris", "--param", "colour=red"), "unknown HP 'colour'");
    assertOneLineError(
        Cli.run("evaluate", "--dataset", "iris", "--param", "bins=99"),
        "HP bins must be int in [2, 16], got 99");
  }

  @Test
  void malformedNetworkNamesTheKey() throws IOException {
    Path net = dir.resolve("net.json");
    Files.writeString(net, "{\"Nodes\": []}");
    Path spikes = dir.resolve("s.json");
    Files.writeString(spikes, "[]");
    assertOneLineError(
        Cli.run("simulate", net.toString(), "--spikes", spikes.toString(), "--steps", "3"),
        "Associated_Data is missing");
  }

  @Test
  void spikeValueOutsideTheUnitIntervalIsRejected() throws IOException, URISyntaxException {
    Path golden = Path.of(getClass().getResource("/golden/005").toURI());
    Path spikes = dir.resolve("s.json");
    Files.writeString(spikes, "[{\"node\": 320, \"time\": 1, \"value\": 1.5}]");
    assertOneLineError(
        Cli.run(
            "simulate",
            golden.resolve("network.json").toString(),
            "--spikes",
            spikes.toString(),
            "--steps",
            "3"),
        "spike 0: value must be in [0, 1], got 1.5");
  }

  private static void assertOneLineError(Cli cli, String expected) {
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err().strip()).doesNotContain("\n").contains(expected);
    assertThat(cli.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  private static String[] concat(String... head) {
    String[] all = new String[head.length + TINY.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(TINY, 0, all, head.length, TINY.length);
    return all;
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }
}
