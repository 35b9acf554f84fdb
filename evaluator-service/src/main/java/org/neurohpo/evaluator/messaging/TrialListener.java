package org.neurohpo.evaluator.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.neurohpo.evaluator.config.EvaluatorConfig;
import org.neurohpo.evaluator.service.TrialRunner;
import org.neurohpo.kafka.support.Resend;
import org.neurohpo.model.Event;
import org.neurohpo.model.EventCodec;
import org.neurohpo.model.RunEvaluated;
import org.neurohpo.model.Topics;
import org.neurohpo.model.TrialRequested;

/**
 * Consumes {@code neurohpo.trials.v1}, evaluates each trial and publishes its runs on {@code
 * neurohpo.evaluations.v1} before the trial is acknowledged (at least once: a trial whose evaluator
 * dies is redelivered; the results service ignores duplicate runs). A record that is not a {@link
 * TrialRequested} is dead-lettered with the reason. Runs of a stopped study ({@link
 * StoppedStudies}) are not started, or end at their next generation, and reported as failed runs
 * that say so. A {@link org.neurohpo.model.TrialPruned} (a scheduled study's trial ruled out) is
 * acknowledged and nothing else: the optimizer prunes a trial only once every run it requested has
 * reported, so no run of it is in progress (ADR 0007).
 */
@ApplicationScoped
public class TrialListener {
  private static final Logger LOG = Logger.getLogger(TrialListener.class);

  private final TrialRunner runner;

  @Inject
  @Channel("evaluations")
  Emitter<Record<String, String>> evaluations;

  private final Timer evaluationTime;
  private final Counter failedRuns;
  private final Counter refusedRuns;

  @Inject
  public TrialListener(
      EvaluatorConfig config,
      MeterRegistry registry,
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      StoppedStudies stopped) {
    DatasetStore datasets = new DatasetStore(kafka, 8);
    this.runner =
        new TrialRunner(
            config.threads(),
            config.id().orElseGet(TrialListener::defaultId),
            datasets::load,
            stopped::contains);
    this.evaluationTime =
        Timer.builder("neurohpo.evaluation")
            .description("wall time of one run (one seed) of a trial")
            .publishPercentileHistogram()
            .register(registry);
    this.failedRuns =
        Counter.builder("neurohpo.runs.failed").description("runs that failed").register(registry);
    this.refusedRuns =
        Counter.builder(Resend.METRIC)
            .description(Resend.METRIC_DESCRIPTION)
            .tag("topic", Topics.EVALUATIONS)
            .register(registry);
  }

  @Incoming("trials")
  @Blocking
  public void onTrial(String json) throws InterruptedException {
    // unreadable, or an event that does not belong on the trials topic: dead-lettered
    Event event = EventCodec.decodeOn(Topics.TRIALS, json);
    if (!(event instanceof TrialRequested trial)) {
      LOG.debugf("trial %s pruned by its study's scheduler", event.studyId());
      return;
    }
    LOG.infof(
        "trial %s/%d: %d run(s) on %s",
        trial.studyId(), trial.trialNumber(), trial.seeds().size(), trial.dataset());
    List<Event> results = runner.run(trial);
    for (Event e : results) {
      if (e instanceof RunEvaluated r) {
        evaluationTime.record(java.time.Duration.ofNanos((long) (r.run().seconds() * 1e9)));
      } else {
        failedRuns.increment();
      }
      String run = EventCodec.encode(e);
      // the runs are done: a refused send is sent again rather than the trial dead-lettered
      Resend.untilAcknowledged(
          () -> evaluations.send(Record.of(e.studyId(), run)),
          (n, why, pause) -> {
            refusedRuns.increment();
            LOG.warnf(
                "Kafka did not take a run of trial %s/%d (%d times, last: %s); sending it"
                    + " again in %d s",
                trial.studyId(), trial.trialNumber(), n, Resend.reason(why), pause.toSeconds());
          });
    }
  }

  private static String defaultId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "evaluator";
    }
    return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
  }
}
