package org.neurohpo.optimizer.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionBalancerTest {

  @Test
  void spreadsTrialsInFlightEvenlyAndRefillsTheFreedPartition() {
    PartitionBalancer b = new PartitionBalancer(4);
    assertThat(b.place("s/0")).isZero();
    assertThat(b.place("s/1")).isEqualTo(1);
    assertThat(b.place("s/2")).isEqualTo(2);
    assertThat(b.place("s/3")).isEqualTo(3);
    assertThat(b.place("s/3")).as("a trial keeps its partition").isEqualTo(3);
    b.done("s/1");
    assertThat(b.place("s/4")).as("the only partition with nothing in flight").isEqualTo(1);
    assertThat(b.place("s/5")).isEqualTo(2);
    for (int p = 0; p < 4; p++) {
      assertThat(b.inFlight(p)).isBetween(1, 2);
    }
  }

  @Test
  void recoveredTrialsCountAndUnknownPartitionCountLetsKafkaChoose() {
    PartitionBalancer b = new PartitionBalancer(2);
    b.placed("s/0", 0);
    b.placed("s/1", 0);
    assertThat(b.place("s/2")).isEqualTo(1);
    assertThat(b.place("s/3")).isEqualTo(1);
    b.done("unknown/9");
    assertThat(new PartitionBalancer(0).place("s/0")).isEqualTo(-1);
  }
}
