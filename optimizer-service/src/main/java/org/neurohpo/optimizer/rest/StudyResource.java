package org.neurohpo.optimizer.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.neurohpo.model.Event;
import org.neurohpo.model.EventCodec;
import org.neurohpo.model.StudySpec;
import org.neurohpo.optimizer.config.OptimizerConfig;
import org.neurohpo.optimizer.messaging.StudyEvents;
import org.neurohpo.optimizer.service.SpecProblems;
import org.neurohpo.optimizer.service.Studies;
import org.neurohpo.optimizer.service.StudyView;

/** Create, list, inspect and stop studies. */
@Path("/studies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StudyResource {
  private static final ObjectMapper MAPPER = EventCodec.mapper();
  private static final long PUBLISH_TIMEOUT_SECONDS = 30;

  @Inject StudyEvents events;
  @Inject OptimizerConfig config;

  /**
   * 201 with the study's view, 400 listing every problem of the spec, or 503 when Kafka does not
   * acknowledge the study's creation (then nothing remains of it). Nothing is registered or
   * published before the whole spec is checked.
   */
  @POST
  public Response create(JsonNode spec) throws Exception {
    OptimizerConfig.Limits l = config.limits();
    List<String> problems =
        SpecProblems.of(
            spec, new SpecProblems.Limits(l.nameLength(), l.budget(), l.seeds(), l.parameters()));
    StudySpec parsed = null;
    if (problems.isEmpty()) {
      if (spec instanceof com.fasterxml.jackson.databind.node.ObjectNode o
          && !o.hasNonNull("optimizerSeed")) {
        o.put("optimizerSeed", 0); // optional: studies without one are still reproducible
      }
      try {
        parsed = MAPPER.treeToValue(spec, StudySpec.class);
      } catch (Exception e) {
        problems = List.of(e.getMessage() == null ? "invalid study spec" : e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      return Response.status(400).entity(Map.of("problems", problems)).build();
    }
    try {
      events.recovered().get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return unavailable(
          "the optimizer is still rebuilding its studies from Kafka after "
              + PUBLISH_TIMEOUT_SECONDS
              + " s; retry");
    }
    Studies.NewStudy study = events.studies().prepare(parsed);
    String id = study.created().studyId();
    try {
      events
          .publish(List.of(study.created()))
          .toCompletableFuture()
          .get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return unavailable(
          "Kafka did not acknowledge the new study within "
              + PUBLISH_TIMEOUT_SECONDS
              + " s; nothing was created, retry");
    }
    List<Event> first = events.studies().register(study);
    try {
      events.publish(first).toCompletableFuture().get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return unavailable(
          "study "
              + id
              + " created, but Kafka did not acknowledge its first trials within "
              + PUBLISH_TIMEOUT_SECONDS
              + " s");
    }
    return Response.created(URI.create("/studies/" + id))
        .entity(events.studies().view(id).orElseThrow())
        .build();
  }

  private static Response unavailable(String problem) {
    return Response.status(503).entity(Map.of("problems", List.of(problem))).build();
  }

  @GET
  public List<StudyView> list() {
    return events.studies().list();
  }

  @GET
  @Path("/{id}")
  public Response get(@PathParam("id") String id) {
    return events
        .studies()
        .view(id)
        .map(v -> Response.ok(v).build())
        .orElse(Response.status(404).entity(Map.of("problems", List.of("no study " + id))).build());
  }

  /** Stops a running study: nothing new is published; trials in flight may still report. */
  @POST
  @Path("/{id}/stop")
  public Response stop(@PathParam("id") String id) throws Exception {
    var stopped = events.studies().stop(id);
    if (stopped.isPresent()) {
      events
          .publish(List.of(stopped.get()))
          .toCompletableFuture()
          .get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
    return get(id);
  }
}
