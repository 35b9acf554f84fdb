package org.neurohpo.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;

/**
 * The JSON form of every event. {@link #decode} throws {@link MalformedEventException} with a
 * one-line reason for anything that is not a valid event, so a consumer can dead-letter it.
 */
public final class EventCodec {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private EventCodec() {}

  /** The shared mapper (thread-safe once configured); do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String encode(Event event) {
    try {
      return MAPPER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + event, e);
    }
  }

  public static byte[] encodeBytes(Event event) {
    return encode(event).getBytes(StandardCharsets.UTF_8);
  }

  public static Event decode(String json) {
    if (json == null || json.isBlank()) {
      throw new MalformedEventException("empty record");
    }
    try {
      return MAPPER.readValue(json, Event.class);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new MalformedEventException(cause.getMessage());
    } catch (MismatchedInputException e) {
      String field =
          e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
      throw new MalformedEventException(
          field == null
              ? e.getOriginalMessage()
              : "field '" + field + "' is missing, null or of the wrong type");
    } catch (JsonProcessingException e) {
      throw new MalformedEventException(e.getOriginalMessage());
    }
  }

  /**
   * Decodes a record read from {@code topic}: a valid event of a type that does not belong there (a
   * {@code StudyStopped} on the evaluations topic, say) is malformed for that topic.
   */
  public static Event decodeOn(String topic, String json) {
    Event e = decode(json);
    if (!Topics.belongsOn(topic, e)) {
      throw new MalformedEventException(
          "a "
              + e.getClass().getSimpleName()
              + " does not belong on "
              + topic
              + " (expected "
              + String.join(
                  " or ", Topics.eventsOn(topic).stream().map(Class::getSimpleName).toList())
              + ")");
    }
    return e;
  }

  public static Event decode(byte[] json) {
    return decode(json == null ? null : new String(json, StandardCharsets.UTF_8));
  }

  /** A record that is not a valid event; the message is one line naming the problem. */
  public static final class MalformedEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedEventException(String message) {
      super(message == null ? "malformed event" : message.replace('\n', ' '));
    }
  }
}
