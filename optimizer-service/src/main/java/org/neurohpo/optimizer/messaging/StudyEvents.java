package org.neurohpo.optimizer.messaging;

import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.neurohpo.model.Event;
import org.neurohpo.model.EventCodec;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialRequested;
import org.neurohpo.optimizer.config.OptimizerConfig;
import org.neurohpo.optimizer.service.Studies;

/** The optimizer's Kafka edge: publishes study and trial events, consumes trial results. */
@ApplicationScoped
public class StudyEvents {
  private final Studies studies;

  @Inject
  @Channel("trials")
  Emitter<Record<String, String>> trials;

  @Inject
  @Channel("studies")
  Emitter<Record<String, String>> studyTopic;

  @Inject
  public StudyEvents(OptimizerConfig config) {
    this.studies = new Studies(config.inFlight(), config.gridLevels());
  }

  public Studies studies() {
    return studies;
  }

  /** Publishes events in order, each keyed by its study; completes when all are acknowledged. */
  public CompletionStage<Void> publish(List<Event> events) {
    CompletableFuture<?>[] sent = new CompletableFuture<?>[events.size()];
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      Emitter<Record<String, String>> channel = e instanceof TrialRequested ? trials : studyTopic;
      sent[i] = channel.send(Record.of(e.studyId(), EventCodec.encode(e))).toCompletableFuture();
    }
    return CompletableFuture.allOf(sent);
  }

  @Incoming("results")
  public CompletionStage<Void> onResult(String json) {
    Event e = EventCodec.decode(json); // unreadable: dead-lettered with the reason
    if (e instanceof TrialCompleted t) {
      return publish(studies.onResult(t));
    }
    return CompletableFuture.completedFuture(null);
  }
}
