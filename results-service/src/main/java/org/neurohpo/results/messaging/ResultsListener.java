package org.neurohpo.results.messaging;

import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.neurohpo.model.Event;
import org.neurohpo.model.EventCodec;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.results.service.Leaderboard;
import org.neurohpo.results.service.StudyIndex;
import org.neurohpo.results.service.StudyLog;
import org.neurohpo.results.service.TrialAggregator;

/**
 * Reads trial requests (to learn each trial's seeds and parameters) and run evaluations, publishes
 * each completed trial on {@code neurohpo.results.v1}, keyed by study id.
 */
@ApplicationScoped
public class ResultsListener {
  private static final Logger LOG = Logger.getLogger(ResultsListener.class);

  private final TrialAggregator aggregator = new TrialAggregator();
  private final Leaderboard leaderboard = new Leaderboard();
  private final StudyLog log = new StudyLog();
  private final StudyIndex index = new StudyIndex();

  /** Every study at a glance, for the dashboard. */
  public StudyIndex index() {
    return index;
  }

  /** Every event of every study, for the live streams. */
  public StudyLog log() {
    return log;
  }

  /** Every completed trial so far, by study. */
  public Leaderboard leaderboard() {
    return leaderboard;
  }

  @Inject
  @Channel("results")
  Emitter<Record<String, String>> results;

  @Incoming("requested")
  public CompletionStage<Void> onRequested(String json) {
    try {
      return publish(aggregate(json));
    } catch (EventCodec.MalformedEventException e) {
      LOG.debugf("ignoring an unreadable trial record (the evaluators dead-letter it): %s", e);
      return java.util.concurrent.CompletableFuture.completedFuture(null);
    }
  }

  @Incoming("evaluations")
  public CompletionStage<Void> onEvaluation(String json) {
    return publish(aggregate(json)); // a malformed record throws: dead-lettered with the reason
  }

  /** Study lifecycle events, for the live streams; a malformed record is dead-lettered. */
  @Incoming("studies")
  public void onStudy(String json) {
    Event e = EventCodec.decode(json);
    index.on(e);
    log.append(e.studyId(), json);
  }

  private synchronized Optional<TrialCompleted> aggregate(String json) {
    Event e = EventCodec.decode(json);
    index.on(e);
    log.append(e.studyId(), json);
    return aggregator.on(e);
  }

  private CompletionStage<Void> publish(Optional<TrialCompleted> done) {
    if (done.isEmpty()) {
      return java.util.concurrent.CompletableFuture.completedFuture(null);
    }
    TrialCompleted t = done.get();
    leaderboard.add(t);
    index.on(t);
    String json = EventCodec.encode(t);
    log.append(t.studyId(), json);
    LOG.infof(
        "trial %s/%d completed: mean test accuracy %.4f over %d run(s)",
        t.studyId(), t.trialNumber(), t.meanTestAccuracy(), t.runs().size());
    return results.send(Record.of(t.studyId(), json));
  }
}
