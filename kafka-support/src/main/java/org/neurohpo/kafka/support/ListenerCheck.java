package org.neurohpo.kafka.support;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Finds out, before any Kafka client is made, whether a broker that the client would talk to
 * without TLS answers with TLS. A Kafka client that does not speak TLS reads a TLS alert as the
 * size of a response and allocates hundreds of megabytes for it, again on every reconnect
 * (KAFKA-4090): an OutOfMemoryError, not an error message. So: one plain ApiVersions request to the
 * first bootstrap server; an answer that starts like a TLS record is a clear error instead.
 * Anything else (no answer, a Kafka answer, no connection) is left to the Kafka client.
 */
public final class ListenerCheck {
  private static final int TIMEOUT_MS = 5_000;
  // TLS record types: alert, handshake
  private static final int TLS_ALERT = 0x15;
  private static final int TLS_HANDSHAKE = 0x16;

  private ListenerCheck() {}

  /** Throws IllegalArgumentException when {@code bootstrap} wants TLS and the settings do not. */
  public static void requireMatchingTls(String bootstrap, Map<String, String> security) {
    String protocol = security.getOrDefault("security.protocol", "PLAINTEXT");
    if (protocol.toUpperCase(Locale.ROOT).endsWith("SSL")) {
      return;
    }
    String first = bootstrap.split(",")[0].strip();
    int colon = first.lastIndexOf(':');
    if (colon < 0) {
      return; // the Kafka client names the mistake
    }
    String host = first.substring(0, colon);
    int port;
    try {
      port = Integer.parseInt(first.substring(colon + 1));
    } catch (NumberFormatException e) {
      return;
    }
    if (answersWithTls(host, port)) {
      throw new IllegalArgumentException(
          "Kafka at "
              + first
              + " speaks TLS and this client does not: give --kafka-config FILE (or $"
              + KafkaConfigFile.ENV
              + ") with security.protocol SSL or SASL_SSL");
    }
  }

  static boolean answersWithTls(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
      s.setSoTimeout(TIMEOUT_MS);
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(request);
      byte[] clientId = "neurohpo-check".getBytes(StandardCharsets.US_ASCII);
      out.writeInt(2 + 2 + 4 + 2 + clientId.length); // request size
      out.writeShort(18); // ApiVersions
      out.writeShort(0); // version 0
      out.writeInt(1); // correlation id
      out.writeShort(clientId.length);
      out.write(clientId);
      // in one write: a TLS listener answers the first bytes and closes, and a second write
      // would then fail (broken pipe) before the answer is read
      s.getOutputStream().write(request.toByteArray());
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      int b = in.read();
      return b == TLS_ALERT || b == TLS_HANDSHAKE;
    } catch (IOException e) {
      return false; // no connection or no answer: the Kafka client reports it
    }
  }
}
