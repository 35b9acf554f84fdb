package org.neurohpo.results.rest;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.neurohpo.results.messaging.ResultsListener;

/** Read-only views of the aggregated results: studies, their trials and their best trial. */
@Path("/studies")
@Produces(MediaType.APPLICATION_JSON)
public class ResultsResource {
  @Inject ResultsListener results;

  @GET
  public List<String> studies() {
    return results.leaderboard().studies();
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
    return Multi.createFrom()
        .emitter(
            em -> {
              Runnable cancel = results.log().subscribe(id, em::emit);
              em.onTermination(cancel);
            },
            BackPressureStrategy.BUFFER);
  }

  private static Response notFound(String id) {
    return Response.status(404)
        .entity(Map.of("problems", List.of("no results for study " + id)))
        .build();
  }
}
