package org.neurohpo.risp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every golden case of the reference implementation, bit for bit. */
class GoldenCaseTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Stream<Path> cases() throws IOException, URISyntaxException {
    Path root = Path.of(GoldenCaseTest.class.getResource("/golden/risp").toURI());
    List<Path> dirs;
    try (Stream<Path> s = Files.list(root)) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(dirs).hasSizeGreaterThanOrEqualTo(24);
    return dirs.stream();
  }

  @ParameterizedTest(name = "golden case {0}")
  @MethodSource("cases")
  void reproducesTheReferenceBitForBit(Path dir) throws IOException {
    Network net = NetworkJson.read(dir.resolve("network.json"));
    List<InputSpike> spikes = Simulation.readSpikes(dir.resolve("spikes.json"), net);
    JsonNode expected = MAPPER.readTree(dir.resolve("expected.json").toFile());
    String actual = Simulation.goldenJson(net, spikes, expected.get("steps").intValue());
    assertThat(MAPPER.readTree(actual)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "golden case {0}")
  @MethodSource("cases")
  void printsTheReferenceFormatByteForByte(Path dir) throws IOException {
    Network net = NetworkJson.read(dir.resolve("network.json"));
    List<InputSpike> spikes = Simulation.readSpikes(dir.resolve("spikes.json"), net);
    String expected = Files.readString(dir.resolve("expected.json")).strip();
    int steps = MAPPER.readTree(expected).get("steps").intValue();
    assertThat(Simulation.goldenJson(net, spikes, steps)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "golden case {0}")
  @MethodSource("cases")
  void roundTripsTheNetworkFile(Path dir) {
    Network net = NetworkJson.read(dir.resolve("network.json"));
    Network again = NetworkJson.parse(NetworkJson.write(net));
    assertThat(NetworkJson.write(again)).isEqualTo(NetworkJson.write(net));
    assertThat(again.synapses()).isEqualTo(net.synapses());
    assertThat(again.params()).isEqualTo(net.params());
    assertThat(again.associatedData()).isEqualTo(net.associatedData());
  }
}
