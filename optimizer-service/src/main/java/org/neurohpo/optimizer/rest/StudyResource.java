package org.neurohpo.optimizer.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.neurohpo.kafka.support.Resend;
import org.neurohpo.model.Event;
import org.neurohpo.model.EventCodec;
import org.neurohpo.model.StudySpec;
import org.neurohpo.optimizer.config.OptimizerConfig;
import org.neurohpo.optimizer.messaging.StudyEvents;
import org.neurohpo.optimizer.service.SpecProblems;
import org.neurohpo.optimizer.service.Studies;

/** Create, list, inspect and stop studies. */
@Path("/studies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StudyResource {
  private static final ObjectMapper MAPPER = EventCodec.mapper();
  private static final long PUBLISH_TIMEOUT_SECONDS = 30;

  @Inject StudyEvents events;
  @Inject OptimizerConfig config;
  @Inject SecurityIdentity identity;

  /**
   * 201 with the study's view, 400 listing every problem of the spec, or 503 when Kafka does not
   * acknowledge the study's creation (then nothing remains of it). Nothing is registered or
   * published before the whole spec is checked.
   */
  @POST
  @RolesAllowed("user")
  public Response create(JsonNode spec) throws Exception {
    OptimizerConfig.Limits l = config.limits();
    String owner = identity.getPrincipal().getName();
    if (spec != null && spec.toString().length() > l.specBytes()) {
      return Problems.of(413, "a study spec is at most " + l.specBytes() + " bytes of JSON");
    }
    List<String> problems =
        SpecProblems.of(
            spec,
            new SpecProblems.Limits(l.nameLength(), l.budget(), l.seeds(), l.parameters()),
            events.datasets()::contains);
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
      return Problems.of(400, problems);
    }
    try {
      events.recovered().get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return unavailable(
          "the optimizer is still rebuilding its studies from Kafka after "
              + PUBLISH_TIMEOUT_SECONDS
              + " s; retry");
    }
    if (events.studies().running(owner) >= l.runningStudiesPerOwner()) {
      return Problems.of(
          429,
          owner
              + " has "
              + l.runningStudiesPerOwner()
              + " running studies, the most allowed; stop one or wait");
    }
    Studies.NewStudy study = events.studies().prepare(parsed, owner);
    String id = study.created().studyId();
    try {
      events
          .publish(List.of(study.created()))
          .toCompletableFuture()
          .get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return unavailable(
          "Kafka refused the new study (" + Resend.reason(e) + "); nothing was created, retry");
    } catch (TimeoutException e) {
      // the producer may still deliver it (until its delivery.timeout.ms): then the study exists
      return unavailable(
          "Kafka did not acknowledge the new study "
              + id
              + " within "
              + PUBLISH_TIMEOUT_SECONDS
              + " s; it exists only if Kafka still takes it: retry if GET /studies/"
              + id
              + " answers 404 in two minutes");
    }
    try {
      // the study's first trials, sent by this optimizer when it drives the study's partition;
      // else the optimizer that does reads the creation and sends them
      events
          .decideAndPublish(() -> events.studies().register(study))
          .toCompletableFuture()
          .get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return unavailable(
          "study "
              + id
              + " created, but Kafka did not acknowledge its first trials within "
              + PUBLISH_TIMEOUT_SECONDS
              + " s; they are sent again until it does (GET /studies/"
              + id
              + " follows the study)");
    }
    return Response.created(URI.create("/studies/" + id))
        .entity(events.studies().view(id).orElseThrow())
        .build();
  }

  private static Response unavailable(String problem) {
    return Problems.of(503, problem);
  }

  /**
   * The studies of the cluster (also those other optimizers drive), newest first, without their
   * trials ({@code GET /studies/{id}} has them): {@code limit} (at most 1,000) from {@code offset};
   * the header {@code X-Total-Count} gives how many there are.
   */
  @GET
  public Response list(
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return Problems.ofPage(offset, limit)
        .orElseGet(
            () ->
                Response.ok(events.studies().page(offset, limit))
                    .header("X-Total-Count", events.studies().size())
                    .build());
  }

  @GET
  @Path("/{id}")
  public Response get(@PathParam("id") String id) {
    return events
        .studies()
        .view(id)
        .map(v -> Response.ok(v).build())
        .orElse(Problems.of(404, "no study " + id));
  }

  /**
   * Stops a running study: nothing new is published; trials in flight may still report. Only the
   * study's owner or an admin may; the request must say it is JSON (a form a browser on another
   * site may send is refused).
   */
  @POST
  @Path("/{id}/stop")
  @RolesAllowed("user")
  public Response stop(@PathParam("id") String id, @HeaderParam("Content-Type") String type)
      throws Exception {
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      return Problems.of(415, "stop needs Content-Type: application/json");
    }
    var owner = events.studies().owner(id);
    if (owner.isEmpty()) {
      return get(id);
    }
    String caller = identity.getPrincipal().getName();
    if (!identity.hasRole("admin") && !owner.get().map(caller::equals).orElse(false)) {
      return Problems.of(403, "only the study's owner or an admin may stop study " + id);
    }
    // stopped here when this optimizer drives the study, else through the studies topic: the
    // optimizer that drives it reads the StudyStopped event and stops
    events
        .decideAndPublish(
            () -> {
              var stopped = events.studies().stop(id);
              return stopped.isPresent()
                  ? List.<Event>of(stopped.get())
                  : events.studies().stopElsewhere(id).<List<Event>>map(List::of).orElse(List.of());
            })
        .toCompletableFuture()
        .get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    return get(id);
  }
}
