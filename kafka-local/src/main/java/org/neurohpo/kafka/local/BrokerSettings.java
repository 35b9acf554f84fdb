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
}
