package org.neurohpo.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecFilesTest {

  @TempDir Path dir;

  @Test
  void yamlStudyReadsAsTheSameTreeAsItsJson() throws Exception {
    Path yaml = dir.resolve("iris.yaml");
    Files.writeString(
        yaml,
        """
        name: iris-quickstart
        dataset: iris
        strategy: bo
        budget: 12
        seeds: [1, 2, 3]
        optimizerSeed: 1
        searchSpace:
          parameters:
            - {name: encoder, type: cat, choices: [bins, triangle, rate]}
            - name: bins
              type: int
              low: 2
              high: 8
              when: {encoder: [bins, triangle]}
            - {name: maxSpikes, type: ordinal, values: [2, 4, 8], when: {encoder: [rate]}}
            - {name: simTime, type: ordinal, values: [16, 24, 32, 48]}
          constraints:
            - "encoder != 'rate' || maxSpikes * 2 < simTime"
        fixedParams: {populationSize: 50, generations: 40}
        """);
    Path json = Path.of("..", "examples", "01-iris-quickstart.json");
    assertThat(SpecFiles.readObject(yaml)).isEqualTo(new ObjectMapper().readTree(json.toFile()));
  }

  @Test
  void brokenYamlIsOneLineNamingFileAndLine() throws Exception {
    Path yaml = dir.resolve("bad.yml");
    Files.writeString(yaml, "name: x\nseeds: [1, 2\nbudget: 3\n");
    assertThatThrownBy(() -> SpecFiles.readObject(yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(yaml + ": not valid YAML (line ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void yamlThatIsNotAMappingIsRejected() throws Exception {
    Path yaml = dir.resolve("list.yaml");
    Files.writeString(yaml, "- a\n- b\n");
    assertThatThrownBy(() -> SpecFiles.readObject(yaml))
        .hasMessage(yaml + ": a study spec must be a YAML mapping");
  }

  @Test
  void jsonKeepsItsOwnMessages() throws Exception {
    Path json = dir.resolve("bad.json");
    Files.writeString(json, "{\"name\": }");
    assertThatThrownBy(() -> SpecFiles.readObject(json))
        .hasMessage(json + ": not valid JSON (line 1)");
    assertThatThrownBy(() -> SpecFiles.readObject(dir.resolve("none.json")))
        .hasMessage("no such study file: " + dir.resolve("none.json"));
  }
}
