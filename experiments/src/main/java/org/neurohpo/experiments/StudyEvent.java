package org.neurohpo.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.neurohpo.model.Event;
import org.neurohpo.model.EventCodec;

/**
 * One study's event read from a topic: decoded by the wire contract's codec (a record that is not a
 * valid event of its topic is skipped, as the services dead-letter it), and its JSON as written,
 * for printing and for the run folder.
 */
public record StudyEvent(Event event, JsonNode json) {

  /**
   * The event of {@code studyId} in a record of {@code topic}, or null (another study's, or
   * unreadable).
   */
  public static StudyEvent decode(String topic, String value, String studyId) {
    try {
      Event e = EventCodec.decodeOn(topic, value);
      return studyId.equals(e.studyId())
          ? new StudyEvent(e, EventCodec.mapper().readTree(value))
          : null;
    } catch (EventCodec.MalformedEventException | JsonProcessingException ex) {
      return null; // dead-lettered by the services
    }
  }
}
