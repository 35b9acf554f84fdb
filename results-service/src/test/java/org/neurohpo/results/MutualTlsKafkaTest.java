package org.neurohpo.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.neurohpo.testsupport.SecuredKafkaBroker;

/**
 * The results service on a broker that only takes clients with a certificate its CA signed (mutual
 * TLS), configured through {@code kafka.ssl.*} settings only.
 */
@QuarkusTest
@TestProfile(SecuredKafkaBroker.MutualTls.class)
class MutualTlsKafkaTest {

  @Test
  void aggregatesATrialOnTheSecuredBrokerAndTheBrokerRefusesClientsWithoutACertificate() {
    assertThat(SecuredKafkaBroker.clientSettings())
        .containsEntry("security.protocol", "SSL")
        .containsKey("ssl.keystore.location");
    SaslKafkaTest.aggregatesATrial("mtls-study");
  }
}
