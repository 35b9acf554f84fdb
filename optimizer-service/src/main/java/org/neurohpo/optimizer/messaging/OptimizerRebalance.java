package org.neurohpo.optimizer.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The {@code neurohpo-optimizer} group's changes, handed to {@link StudyEvents}: partitions of the
 * results topic given to this optimizer (it drives their studies) or taken away.
 */
@ApplicationScoped
@Identifier("neurohpo-optimizer-rebalance")
public class OptimizerRebalance implements KafkaConsumerRebalanceListener {
  @Inject StudyEvents events;

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> added) {
    events.onAssigned(consumer, added);
  }

  @Override
  public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> removed) {
    events.onRevoked(removed, true);
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> lost) {
    events.onRevoked(lost, false); // another optimizer may have them already: nothing to wait for
  }
}
