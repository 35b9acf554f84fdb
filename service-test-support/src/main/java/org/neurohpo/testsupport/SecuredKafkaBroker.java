package org.neurohpo.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neurohpo.kafka.local.Certificates;
import org.neurohpo.kafka.local.KafkaLocal;
import org.neurohpo.kafka.local.TopicProbe;

/**
 * A real single-node Kafka broker whose clients' listener is secured, for a Quarkus test's
 * lifetime: init argument {@code mode} {@code sasl} (default; SASL_SSL with SCRAM-SHA-512) or
 * {@code mtls} (TLS with client certificates required). The service under test gets the broker's
 * address and the client settings with credentials as {@code kafka.*} properties, as an operator
 * would set them (e.g. {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_JAAS_CONFIG}): with sasl
 * a PKCS12 trust store file, with mtls the CA as PEM text ({@code kafka.ssl.truststore.type=PEM},
 * {@code kafka.ssl.truststore.certificates}) and a PKCS12 key store file.
 */
public class SecuredKafkaBroker implements QuarkusTestResourceLifecycleManager {
  /**
   * A test profile with a SASL_SSL broker instead of the module's plain one ({@link KafkaBroker}).
   */
  public static final class Sasl extends Profile {
    public Sasl() {
      super("sasl");
    }
  }

  /** A test profile with a mutual-TLS broker instead of the module's plain one. */
  public static final class MutualTls extends Profile {
    public MutualTls() {
      super("mtls");
    }
  }

  /** Starts this resource in {@code mode} and none of the module's global test resources. */
  abstract static class Profile implements QuarkusTestProfile {
    private final String mode;

    Profile(String mode) {
      this.mode = mode;
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(SecuredKafkaBroker.class, Map.of("mode", mode)));
    }

    @Override
    public boolean disableGlobalTestResources() {
      return true;
    }
  }

  private static KafkaLocal broker;
  private static Path tls;
  private String mode = "sasl";

  @Override
  public void init(Map<String, String> initArgs) {
    mode = initArgs.getOrDefault("mode", "sasl");
    if (!mode.equals("sasl") && !mode.equals("mtls")) {
      throw new IllegalArgumentException("mode is sasl or mtls, got " + mode);
    }
  }

  @Override
  public Map<String, String> start() {
    try {
      tls = Files.createTempDirectory("secured-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Certificates certs = Certificates.generate(tls, "test-" + System.nanoTime(), List.of());
    KafkaLocal.Builder builder = KafkaLocal.builder().tls(certs);
    if (mode.equals("sasl")) {
      builder.scramUser("neurohpo-service", "service-" + System.nanoTime());
    } else {
      builder.requireClientCertificates();
    }
    broker = builder.start();
    Map<String, String> config = new HashMap<>();
    config.put("kafka.bootstrap.servers", broker.bootstrapServers());
    broker.clientSettings().forEach((k, v) -> config.put("kafka." + k, v));
    if (mode.equals("mtls")) {
      // the CA as PEM text, as a Kubernetes Secret or compose variable would pass it
      config.remove("kafka.ssl.truststore.location");
      config.remove("kafka.ssl.truststore.password");
      config.put("kafka.ssl.truststore.type", "PEM");
      try {
        config.put("kafka.ssl.truststore.certificates", Files.readString(tls.resolve("ca.pem")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return config;
  }

  @Override
  public void stop() {
    if (broker != null) {
      broker.close();
    }
    if (tls != null) {
      try (var files = Files.walk(tls)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // best effort: a leftover temporary directory is harmless
      }
    }
  }

  public static String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /** The settings a client with the broker's credentials needs besides its address. */
  public static Map<String, String> clientSettings() {
    return broker.clientSettings();
  }

  /** A probe with the credentials. */
  public static TopicProbe probe() {
    return new TopicProbe(broker.bootstrapServers(), broker.clientSettings());
  }
}
