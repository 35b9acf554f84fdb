package org.neurohpo.bayes.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchPeerTest {

  @Test
  void speaksTheJsonLinesContract() throws Exception {
    String in =
        String.join(
            "\n",
            "{\"op\":\"init\",\"problem\":\"mixed\",\"space\":[{\"name\":\"x1\",\"type\":\"float\","
                + "\"low\":-5,\"high\":10},{\"name\":\"x2\",\"type\":\"int\",\"low\":0,\"high\":15},"
                + "{\"name\":\"variant\",\"type\":\"cat\",\"choices\":[\"a\",\"b\"]}],"
                + "\"seed\":3,\"budget\":10,\"direction\":\"minimize\"}",
            "{\"op\":\"tell\",\"results\":[{\"id\":null,\"params\":{\"x1\":1.5,\"x2\":3,"
                + "\"variant\":\"a\"},\"value\":4.2}]}",
            "{\"op\":\"ask\",\"n\":2}",
            "{\"op\":\"bogus\"}",
            "{\"op\":\"close\"}",
            "{\"op\":\"ask\",\"n\":1}");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rc =
        BenchPeer.run(
            new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(rc).isZero();
    String[] lines = out.toString(StandardCharsets.UTF_8).trim().split("\n");
    assertThat(lines).hasSize(4);
    ObjectMapper m = new ObjectMapper();
    assertThat(m.readTree(lines[0]).get("ok").asBoolean()).isTrue();
    assertThat(m.readTree(lines[1]).get("ok").asBoolean()).isTrue();
    JsonNode cands = m.readTree(lines[2]).get("candidates");
    assertThat(cands).hasSize(2);
    for (JsonNode c : cands) {
      assertThat(c.get("id").isTextual()).isTrue();
      assertThat(c.get("params").get("x2").isIntegralNumber()).isTrue();
      assertThat(c.get("params").get("x1").isDouble()).isTrue();
    }
    assertThat(m.readTree(lines[3]).has("error")).isTrue();
  }
}
