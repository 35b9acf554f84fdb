package org.neurohpo.results.rest;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.neurohpo.model.Topics;
import org.neurohpo.results.messaging.ResultsListener;
import org.neurohpo.results.service.RerunSpec;
import org.neurohpo.results.service.StudyIndex;

/** Read-only views of the aggregated results: studies, their trials and their best trial. */
@Path("/studies")
@Produces(MediaType.APPLICATION_JSON)
public class ResultsResource {
  private static final String OVERVIEW = "\u0000overview";

  /** Events a live stream's client may fall behind by (past its history) before it is dropped. */
  static final int MAX_BEHIND = 10_000;

  @Inject ResultsListener results;
  @Inject StreamLimits streams;

  @GET
  public List<String> studies() {
    return results.leaderboard().studies();
  }

  /** Every study at a glance (status, strategy, data set, trials done / budget, best so far). */
  @GET
  @Path("/overview")
  public List<StudyIndex.Overview> overview() {
    return results.index().overview();
  }

  /**
   * The overview as a server-sent-event stream: the list now, then again each time it changes
   * (checked twice a second), for the dashboard's study list. Counts against the stream limits.
   */
  @GET
  @Path("/overview/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RestStreamElementType(MediaType.APPLICATION_JSON)
  public Multi<List<StudyIndex.Overview>> overviewStream() {
    if (!streams.openShared(OVERVIEW)) {
      throw tooMany();
    }
    StudyIndex index = results.index();
    return Multi.createFrom()
        .ticks()
        .startingAfter(Duration.ofMillis(1))
        .every(Duration.ofMillis(500))
        .onOverflow()
        .drop()
        .map(tick -> index.version())
        .skip()
        .repetitions()
        .map(version -> index.overview())
        .onTermination()
        .invoke(() -> streams.close(OVERVIEW));
  }

  /**
   * One study: its overview, its spec, its best trial, the trials its scheduler pruned ({@code
   * pruned}, empty without one) and a spec that reruns the best HP set ({@code rerunSpec}, null
   * until a trial completes or when the study's creation was not seen).
   */
  @GET
  @Path("/{id}")
  public Response study(@PathParam("id") String id) {
    return results
        .index()
        .detail(id)
        .map(
            d -> {
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("overview", d.overview());
              body.put("spec", d.spec());
              body.put("best", d.best());
              body.put("pruned", d.pruned());
              body.put(
                  "rerunSpec",
                  d.spec() == null || d.best() == null ? null : RerunSpec.of(d.spec(), d.best()));
              return Response.ok(body).build();
            })
        .orElse(notFound(id));
  }

  @GET
  @Path("/{id}/trials")
  public Response trials(@PathParam("id") String id) {
    return results.leaderboard().trials(id).map(t -> Response.ok(t).build()).orElse(notFound(id));
  }

  @GET
  @Path("/{id}/best")
  public Response best(@PathParam("id") String id) {
    return results.leaderboard().best(id).map(t -> Response.ok(t).build()).orElse(notFound(id));
  }

  /**
   * A study's events as a server-sent-event stream: its history first, then each event as it
   * arrives (trials requested, runs, trial results, completion). Each event's data is the JSON of
   * the event, as on the topics.
   */
  @GET
  @Path("/{id}/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RestStreamElementType(MediaType.APPLICATION_JSON)
  public Multi<String> events(@PathParam("id") String id) {
    if (results.letGo(id)) {
      throw new WebApplicationException(gone(id)); // its history is gone: the stream would be empty
    }
    if (!streams.open(id)) {
      throw tooMany();
    }
    // the history, plus this many events a client may fall behind by before it is dropped
    int bound = results.log().size(id) + MAX_BEHIND;
    return Multi.createFrom()
        .<String>emitter(
            em -> {
              Runnable cancel = results.log().subscribe(id, em::emit);
              em.onTermination(cancel);
            },
            BackPressureStrategy.BUFFER)
        .onOverflow()
        .buffer(bound)
        .onTermination()
        .invoke(() -> streams.close(id));
  }

  /** 410 for a study let go: ended before the ones held; the archive topic has it. */
  private Response gone(String id) {
    return Response.status(410)
        .entity(
            Map.of(
                "problems",
                List.of(
                    "study "
                        + id
                        + " ended before the studies this service holds (the most recently ended,"
                        + " up to "
                        + results.trialsKept()
                        + " trials: neurohpo.results.trials-kept); its whole record is on the topic "
                        + Topics.ARCHIVE)))
        .type(MediaType.APPLICATION_JSON)
        .build();
  }

  private static WebApplicationException tooMany() {
    return new WebApplicationException(
        Response.status(503)
            .entity(Map.of("problems", List.of("too many live streams open; retry later")))
            .type(MediaType.APPLICATION_JSON)
            .build());
  }

  private Response notFound(String id) {
    if (!results.caughtUp()) {
      return Response.status(503)
          .entity(
              Map.of(
                  "problems",
                  List.of("the results service is still reading the topics; retry shortly")))
          .build();
    }
    if (results.letGo(id)) {
      return gone(id);
    }
    return Response.status(404)
        .entity(Map.of("problems", List.of("no results for study " + id)))
        .build();
  }
}
