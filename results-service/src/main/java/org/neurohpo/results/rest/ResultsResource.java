package org.neurohpo.results.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
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

  private static Response notFound(String id) {
    return Response.status(404)
        .entity(Map.of("problems", List.of("no results for study " + id)))
        .build();
  }
}
