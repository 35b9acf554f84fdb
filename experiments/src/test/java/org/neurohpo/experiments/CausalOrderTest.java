package org.neurohpo.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CausalOrderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode e(String json) throws Exception {
    return JSON.readTree(json);
  }

  private static List<String> types(List<JsonNode> events) {
    List<String> out = new ArrayList<>();
    events.forEach(x -> out.add(x.path("type").asText() + x.path("trialNumber").asText("")));
    return out;
  }

  @Test
  void holdsEventsUntilTheirCausesWereLetThrough() throws Exception {
    CausalOrder order = new CausalOrder();
    List<JsonNode> out = new ArrayList<>();
    out.addAll(order.accept(e("{\"type\":\"StudyCompleted\",\"trialsCompleted\":1}")));
    out.addAll(
        order.accept(
            e("{\"type\":\"TrialCompleted\",\"trialNumber\":0,\"runs\":[{}],\"failures\":[]}")));
    out.addAll(
        order.accept(e("{\"type\":\"RunEvaluated\",\"trialNumber\":0,\"run\":{\"seed\":1}}")));
    out.addAll(order.accept(e("{\"type\":\"TrialRequested\",\"trialNumber\":0}")));
    assertThat(out).as("nothing before the creation").isEmpty();
    out.addAll(order.accept(e("{\"type\":\"StudyCreated\"}")));
    assertThat(types(out))
        .containsExactly(
            "StudyCreated",
            "TrialRequested0",
            "RunEvaluated0",
            "TrialCompleted0",
            "StudyCompleted");
    assertThat(order.flush()).isEmpty();
  }

  @Test
  void flushLetsEventsWhoseCausesAreGoneThroughInTheOrderOfTheirKind() throws Exception {
    CausalOrder order = new CausalOrder();
    assertThat(
            order.accept(
                e("{\"type\":\"TrialCompleted\",\"trialNumber\":4,\"runs\":[{}],\"failures\":[]}")))
        .isEmpty();
    assertThat(order.accept(e("{\"type\":\"TrialRequested\",\"trialNumber\":5}"))).isEmpty();
    assertThat(types(order.flush())).containsExactly("TrialRequested5", "TrialCompleted4");
    // its creation is gone: later events pass as their own causes allow
    assertThat(types(order.accept(e("{\"type\":\"TrialRequested\",\"trialNumber\":6}"))))
        .containsExactly("TrialRequested6");
  }
}
