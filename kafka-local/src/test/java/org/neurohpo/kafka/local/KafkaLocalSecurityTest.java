package org.neurohpo.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SASL_SSL (SCRAM-SHA-512) broker and a mutual-TLS broker: a client with the credentials produces
 * and consumes, one without them is refused (an error within seconds, not a hang).
 */
class KafkaLocalSecurityTest {
  @TempDir static Path dir;
  private static Certificates certs;
  private static KafkaLocal sasl;
  private static KafkaLocal mtls;

  @BeforeAll
  static void startBrokers() {
    certs = Certificates.generate(dir.resolve("tls"), "test-password", List.of());
    sasl = KafkaLocal.builder().tls(certs).scramUser("neuro", "neuro-secret-1").start();
    mtls = KafkaLocal.builder().tls(certs).requireClientCertificates().start();
  }

  @AfterAll
  static void stopBrokers() {
    if (sasl != null) {
      sasl.close();
    }
    if (mtls != null) {
      mtls.close();
    }
  }

  @Test
  void saslSslBrokerServesAClientWithItsCredentials() {
    assertThat(sasl.clientSettings())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    roundTrip(sasl, "sasl-topic");
  }

  @Test
  void saslSslBrokerRefusesAWrongPassword() {
    Map<String, Object> wrong = new HashMap<>(sasl.clientSettings());
    wrong.put(
        "sasl.jaas.config", new KafkaLocal.ScramUser("neuro", "not-the-password").jaasConfig());
    assertThatThrownBy(() -> describe(sasl, wrong))
        .hasCauseInstanceOf(SaslAuthenticationException.class)
        .hasMessageContaining("invalid credentials");
  }

  @Test
  void saslSslBrokerRefusesAClientThatDoesNotLogIn() {
    Map<String, Object> tlsOnly = new HashMap<>(sasl.clientSettings());
    tlsOnly.put("security.protocol", "SSL");
    tlsOnly.remove("sasl.mechanism");
    tlsOnly.remove("sasl.jaas.config");
    assertRefused(sasl, tlsOnly);
    assertRefused(sasl, Map.of());
  }

  @Test
  void mutualTlsBrokerServesAClientWithACertificate() {
    assertThat(mtls.clientSettings())
        .containsEntry("security.protocol", "SSL")
        .containsKey("ssl.keystore.location");
    roundTrip(mtls, "mtls-topic");
  }

  @Test
  void mutualTlsBrokerRefusesAClientWithoutACertificate() {
    Map<String, Object> noCertificate = new HashMap<>(mtls.clientSettings());
    noCertificate
        .keySet()
        .removeIf(k -> k.startsWith("ssl.keystore") || k.equals("ssl.key.password"));
    assertThatThrownBy(() -> describe(mtls, noCertificate))
        .hasCauseInstanceOf(SslAuthenticationException.class);
    assertRefused(mtls, Map.of());
  }

  @Test
  void scramUsersAndClientCertificatesNeedTls() {
    assertThatThrownBy(() -> KafkaLocal.builder().scramUser("neuro", "neuro-secret-1").start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("need TLS");
  }

  @Test
  void rejectsAPasswordTheJaasSyntaxWouldMisread() {
    assertThatThrownBy(() -> new KafkaLocal.ScramUser("neuro", "quote\"inside"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCRAM user neuro");
  }

  @Test
  void standaloneBrokerRefusesALoginWithoutTlsInOneLine() throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                KafkaLocalMain.class.getName(),
                "--scram-user",
                "neuro")
            .start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(err.strip())
        .isEqualTo("kafka-local: error: --client-auth and --scram-user need --tls DIR");
  }

  private static void roundTrip(KafkaLocal broker, String topic) {
    TopicProbe probe = new TopicProbe(broker.bootstrapServers(), broker.clientSettings());
    probe.send(topic, "k", "secured");
    assertThat(probe.read(topic, 1, Duration.ofSeconds(30)))
        .singleElement()
        .satisfies(r -> assertThat(r.value()).isEqualTo("secured"));
  }

  /** Refused: no answer within the client's timeout, or an authentication error. */
  private static void assertRefused(KafkaLocal broker, Map<String, Object> settings) {
    long start = System.nanoTime();
    assertThatThrownBy(() -> describe(broker, settings)).isInstanceOf(ExecutionException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }

  private static void describe(KafkaLocal broker, Map<String, Object> settings) throws Exception {
    Map<String, Object> config = new HashMap<>(settings);
    config.put("bootstrap.servers", broker.bootstrapServers());
    config.put("default.api.timeout.ms", 5000);
    config.put("request.timeout.ms", 4000);
    try (Admin admin = Admin.create(config)) {
      admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
    }
  }
}
