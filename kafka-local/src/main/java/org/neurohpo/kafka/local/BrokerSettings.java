package org.neurohpo.kafka.local;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The broker settings of a single KRaft node, small-heap friendly: clients' listener on {@code
 * listenHost} (127.0.0.1 by default; 0.0.0.0 for every interface, e.g. in a container), advertised
 * as {@code advertisedHost}; the controller always on the loopback interface.
 */
final class BrokerSettings {
  private BrokerSettings() {}

  static Properties singleNode(Path dir, int port, int controllerPort) {
    return singleNode(dir, port, controllerPort, "127.0.0.1", "127.0.0.1");
  }

  static Properties singleNode(
      Path dir, int port, int controllerPort, String listenHost, String advertisedHost) {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.setProperty(
        "listeners",
        "PLAINTEXT://" + listenHost + ":" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://" + advertisedHost + ":" + port);
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("log.dirs", dir.resolve("log").toString());
    p.setProperty("num.partitions", "4");
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "4");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    p.setProperty("log.cleaner.dedupe.buffer.size", "8388608");
    p.setProperty("auto.create.topics.enable", "true");
    return p;
  }

  /**
   * Turns the clients' listener of {@link #singleNode} into one of {@code protocol} (SSL or
   * SASL_SSL), which the broker also uses itself (the inter-broker listener): TLS with {@code
   * certs}, client certificates required when {@code clientAuth}, and for SASL_SSL SCRAM-SHA-512
   * with the broker logging in as {@code user}. The controller's listener stays PLAINTEXT, on
   * 127.0.0.1 only.
   */
  static void secure(
      Properties p,
      String protocol,
      Certificates certs,
      boolean clientAuth,
      KafkaLocal.ScramUser user) {
    p.setProperty(
        "listeners", p.getProperty("listeners").replace("PLAINTEXT://", protocol + "://"));
    p.setProperty(
        "advertised.listeners",
        p.getProperty("advertised.listeners").replace("PLAINTEXT://", protocol + "://"));
    p.setProperty(
        "listener.security.protocol.map", protocol + ":" + protocol + ",CONTROLLER:PLAINTEXT");
    p.setProperty("inter.broker.listener.name", protocol);
    p.setProperty("ssl.keystore.type", "PKCS12");
    p.setProperty("ssl.keystore.location", certs.brokerKeystore().toString());
    p.setProperty("ssl.keystore.password", certs.password());
    p.setProperty("ssl.key.password", certs.password());
    p.setProperty("ssl.truststore.type", "PKCS12");
    p.setProperty("ssl.truststore.location", certs.truststore().toString());
    p.setProperty("ssl.truststore.password", certs.password());
    p.setProperty("ssl.client.auth", clientAuth ? "required" : "none");
    if (user != null) {
      p.setProperty("sasl.enabled.mechanisms", KafkaLocal.SCRAM);
      p.setProperty("sasl.mechanism.inter.broker.protocol", KafkaLocal.SCRAM);
      p.setProperty("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", user.jaasConfig());
    }
  }
}
