package org.neurohpo.evaluator.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.neurohpo.kafka.support.TopicFollower;
import org.neurohpo.kafka.support.TopicHistory;
import org.neurohpo.kafka.support.TopicTail;
import org.neurohpo.model.EventCodec;
import org.neurohpo.model.StudyStopped;
import org.neurohpo.model.Topics;

/**
 * The studies stopped so far, from a tail of the studies topic (no group; every evaluator reads all
 * of it): an evaluator starts no run of a stopped study and ends one in progress at its next
 * generation, rather than spend minutes on a result nobody wants. Bounded: the last {@link
 * #CAPACITY} stops are remembered (a trial of an older stopped study is long gone).
 */
@ApplicationScoped
@Startup
public class StoppedStudies {
  private static final Logger LOG = Logger.getLogger(StoppedStudies.class);
  static final int CAPACITY = 100_000;
  private static final Duration RETRY = Duration.ofSeconds(5);

  private final Set<String> stopped = new LinkedHashSet<>();
  private volatile TopicFollower follower;

  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafka;

  void onStart(@Observes StartupEvent ev) {
    follower =
        TopicFollower.start(
            "neurohpo-evaluator-stops",
            () ->
                new TopicTail(kafka, "neurohpo-evaluator-stops", List.of(Topics.STUDIES), this::on),
            RETRY,
            e ->
                LOG.warnf(
                    "reading the studies topic failed, retrying in %s: %s", RETRY, e.toString()));
  }

  void onStop(@Observes ShutdownEvent ev) {
    TopicFollower f = follower;
    if (f != null) {
      f.close();
    }
  }

  private void on(TopicHistory.Entry entry) {
    try {
      if (EventCodec.decodeOn(Topics.STUDIES, entry.value()) instanceof StudyStopped s) {
        add(s.studyId());
      }
    } catch (EventCodec.MalformedEventException | IllegalArgumentException e) {
      // the results service dead-letters it; nothing to learn here
    }
  }

  synchronized void add(String studyId) {
    stopped.add(studyId);
    Iterator<String> it = stopped.iterator();
    while (stopped.size() > CAPACITY && it.hasNext()) {
      it.next();
      it.remove();
    }
  }

  /** Whether the study was stopped. */
  public synchronized boolean contains(String studyId) {
    return stopped.contains(studyId);
  }
}
