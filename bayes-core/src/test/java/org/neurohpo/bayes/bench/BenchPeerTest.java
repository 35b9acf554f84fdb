package org.neurohpo.bayes.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON-lines contract of ../shared/bench/README.md. */
class BenchPeerTest {

  private static List<JsonNode> talk(String... lines) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        BenchPeer.run(
            new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
    ObjectMapper m = new ObjectMapper();
    return out.toString(StandardCharsets.UTF_8)
        .lines()
        .map(
            l -> {
              try {
                return m.readTree(l);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  @Test
  void speaksInitAskTellClose() throws Exception {
    List<JsonNode> replies =
        talk(
            "{\"op\":\"init\",\"problem\":\"p\",\"space\":[{\"name\":\"x\",\"type\":\"float\","
                + "\"low\":0,\"high\":1},{\"name\":\"v\",\"type\":\"cat\",\"choices\":[\"a\",\"b\"]}],"
                + "\"seed\":3,\"budget\":10,\"direction\":\"minimize\"}",
            "{\"op\":\"ask\",\"n\":2}",
            "{\"op\":\"tell\",\"results\":[{\"id\":\"0\",\"params\":{\"x\":0.5,\"v\":\"a\"},\"value\":1.5},"
                + "{\"id\":null,\"params\":{\"x\":0.1,\"v\":\"b\"},\"value\":0.5}]}",
            "{\"op\":\"close\"}",
            "{\"op\":\"ask\",\"n\":1}");
    assertThat(replies).hasSize(3);
    assertThat(replies.get(0).get("ok").asBoolean()).isTrue();
    assertThat(replies.get(0).get("name").asText()).startsWith("neurohpo");
    JsonNode cands = replies.get(1).get("candidates");
    assertThat(cands).hasSize(2);
    assertThat(cands.get(0).get("params").get("x").isNumber()).isTrue();
    assertThat(cands.get(0).get("params").get("v").asText()).isIn("a", "b");
    assertThat(replies.get(2).get("ok").asBoolean()).isTrue();
  }

  @Test
  void aFailedRequestAnswersWithAnErrorAndGoesOn() throws Exception {
    List<JsonNode> replies =
        talk(
            "{\"op\":\"ask\",\"n\":1}",
            "not json",
            "{\"op\":\"init\",\"space\":[{\"name\":\"x\",\"type\":\"float\",\"low\":1,\"high\":0}],\"seed\":1}",
            "{\"op\":\"close\"}");
    assertThat(replies).hasSize(3);
    assertThat(replies.get(0).get("error").asText()).isEqualTo("init must come first");
    assertThat(replies.get(1).has("error")).isTrue();
    assertThat(replies.get(2).get("error").asText()).contains("low (1.0) must be below high (0.0)");
  }
}
