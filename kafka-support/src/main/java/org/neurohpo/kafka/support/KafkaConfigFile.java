package org.neurohpo.kafka.support;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;

/**
 * A Kafka client's security settings in a properties file, as Kafka's own tools take them with
 * {@code --command-config}: {@code security.protocol} and {@code sasl.*} / {@code ssl.*} settings,
 * nothing else (the cluster's address is {@code --against}). Checked when read, so a mistake is one
 * line naming the file and the setting, not a client that hangs: unknown or misplaced settings,
 * invalid values, a SASL protocol without a login, key and trust stores that are not there.
 * Relative store paths are taken from the file's folder.
 */
public final class KafkaConfigFile {
  /** The environment variable naming such a file when no option does. */
  public static final String ENV = "NEUROHPO_KAFKA_CONFIG";

  private static final Set<String> STORE_PATHS =
      Set.of("ssl.truststore.location", "ssl.keystore.location");

  private KafkaConfigFile() {}

  /** The file's settings; {@code origin} names where the file was given, for the errors. */
  public static Map<String, String> load(Path file, String origin) {
    String where = origin + " " + file;
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(where + ": no such file");
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": cannot read it: " + e.getMessage());
    }
    if (p.isEmpty()) {
      throw new IllegalArgumentException(where + ": holds no settings");
    }
    Set<String> known = new HashSet<>(AdminClientConfig.configNames());
    known.addAll(ConsumerConfig.configNames());
    known.addAll(ProducerConfig.configNames());
    Map<String, String> settings = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      boolean security =
          key.equals("security.protocol") || key.startsWith("sasl.") || key.startsWith("ssl.");
      if (!security || !known.contains(key)) {
        throw new IllegalArgumentException(
            where
                + ": '"
                + key
                + "' is not a Kafka client security setting (security.protocol, sasl.*, ssl.*;"
                + " the cluster's address goes in --against)");
      }
      String value = p.getProperty(key).strip();
      if (STORE_PATHS.contains(key) && !value.isEmpty()) {
        Path store = file.toAbsolutePath().getParent().resolve(value);
        if (!Files.isRegularFile(store)) {
          throw new IllegalArgumentException(where + ": " + key + " " + store + ": no such file");
        }
        value = store.toString();
      }
      settings.put(key, value);
    }
    check(where, settings);
    return settings;
  }

  /** Kafka's own check of the values, and a login for a SASL protocol. */
  private static void check(String where, Map<String, String> settings) {
    Map<String, Object> probe = new TreeMap<>(settings);
    probe.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
    try {
      new AdminClientConfig(probe);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage());
    }
    String protocol = settings.getOrDefault("security.protocol", "PLAINTEXT");
    if (protocol.toUpperCase(Locale.ROOT).startsWith("SASL_")
        && !settings.containsKey("sasl.jaas.config")) {
      throw new IllegalArgumentException(
          where
              + ": security.protocol "
              + protocol
              + " needs sasl.jaas.config (the login) and sasl.mechanism, e.g. SCRAM-SHA-512");
    }
  }
}
