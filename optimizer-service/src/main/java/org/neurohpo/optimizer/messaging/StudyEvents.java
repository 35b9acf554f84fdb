package org.neurohpo.optimizer.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
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
@Startup // registers its metrics at start, not at first use
public class StudyEvents {
  private final Studies studies;

  @Inject
  @Channel("trials")
  Emitter<Record<String, String>> trials;

  @Inject
  @Channel("studies")
  Emitter<Record<String, String>> studyTopic;

  @Inject
  public StudyEvents(OptimizerConfig config, MeterRegistry registry) {
    this.studies = new Studies(config.inFlight(), config.gridLevels());
    Gauge.builder("neurohpo.trials.in.flight", studies, Studies::inFlight)
        .description("trials published and not yet completed, over all studies")
        .register(registry);
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
