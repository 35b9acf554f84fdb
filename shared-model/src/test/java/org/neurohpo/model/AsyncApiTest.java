package org.neurohpo.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/asyncapi.json documents exactly the topics and events of this module. */
class AsyncApiTest {
  private static JsonNode doc() throws IOException {
    return new ObjectMapper().readTree(Path.of("..", "docs", "asyncapi.json").toFile());
  }

  @Test
  void documentsEveryTopic() throws IOException {
    Set<String> channels = new HashSet<>();
    doc().get("channels").fieldNames().forEachRemaining(channels::add);
    assertThat(channels)
        .containsExactlyInAnyOrder(
            Topics.STUDIES,
            Topics.TRIALS,
            Topics.EVALUATIONS,
            Topics.RESULTS,
            Topics.DATASETS,
            Topics.ARCHIVE);
  }

  static Stream<Event> events() {
    return EventCodecTest.everyKindOfEvent();
  }

  @ParameterizedTest
  @MethodSource("events")
  void schemaNamesEveryFieldTheCodecWrites(Event event) throws IOException {
    JsonNode written = EventCodec.mapper().readTree(EventCodec.encode(event));
    JsonNode schema = doc().get("components").get("schemas").get(event.getClass().getSimpleName());
    assertThat(schema).as(event.getClass().getSimpleName()).isNotNull();
    Set<String> documented = new HashSet<>();
    schema.get("properties").fieldNames().forEachRemaining(documented::add);
    Set<String> fields = new HashSet<>();
    written.fieldNames().forEachRemaining(fields::add);
    assertThat(documented).isEqualTo(fields);
    for (JsonNode required : schema.get("required")) {
      assertThat(fields).contains(required.asText());
    }
  }

  @Test
  void everyEventHasAMessage() throws IOException {
    Iterator<String> names = doc().get("components").get("messages").fieldNames();
    Set<String> messages = new HashSet<>();
    names.forEachRemaining(messages::add);
    Set<String> expected = new HashSet<>(events().map(e -> e.getClass().getSimpleName()).toList());
    expected.add(DatasetRegistered.class.getSimpleName()); // not a study event
    assertThat(messages).isEqualTo(expected);
    assertThat(messages.size() - 1).isEqualTo(Event.class.getPermittedSubclasses().length);
  }

  @Test
  void schemaNamesEveryFieldOfARegisteredDataSet() throws IOException {
    String csv = "a,class\n1,x\n2,y\n";
    DatasetRegistered d =
        new DatasetRegistered(
            1, DatasetRegistered.idOf(csv), "t", "me", 2, 1, 2, csv, java.time.Instant.EPOCH);
    JsonNode written = EventCodec.mapper().readTree(d.encode());
    JsonNode schema = doc().get("components").get("schemas").get("DatasetRegistered");
    Set<String> documented = new HashSet<>();
    schema.get("properties").fieldNames().forEachRemaining(documented::add);
    Set<String> fields = new HashSet<>();
    written.fieldNames().forEachRemaining(fields::add);
    assertThat(documented).isEqualTo(fields);
    assertThat(DatasetRegistered.decode(d.encode())).isEqualTo(d);
  }
}
