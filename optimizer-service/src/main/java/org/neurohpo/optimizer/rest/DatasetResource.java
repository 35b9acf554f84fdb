package org.neurohpo.optimizer.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.neurohpo.model.CsvCheck;
import org.neurohpo.model.DatasetRegistered;
import org.neurohpo.model.Event;
import org.neurohpo.optimizer.config.OptimizerConfig;
import org.neurohpo.optimizer.messaging.StudyEvents;
import org.neurohpo.optimizer.service.DatasetRegistry;

/**
 * Users' data sets: a CSV registered here is checked, given its content's id ({@code sha256:...})
 * and kept on the compacted data-set topic, from which evaluators load it; a study names it by that
 * id. Registering the same content again answers the existing registration.
 */
@Path("/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {
  private static final long PUBLISH_TIMEOUT_SECONDS = 30;

  @Inject StudyEvents events;
  @Inject OptimizerConfig config;
  @Inject SecurityIdentity identity;

  /**
   * 201 with the data set's id and size, 200 when the same content was registered before, 400
   * naming the problem of a CSV that cannot be used, 413 past the size limit, 503 when Kafka does
   * not acknowledge it (then nothing is registered).
   */
  @POST
  @RolesAllowed("user")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  public Response register(@QueryParam("name") @DefaultValue("dataset") String name, String csv)
      throws InterruptedException {
    OptimizerConfig.Limits l = config.limits();
    if (!name.matches("[A-Za-z0-9._-]{1,100}")) {
      return Problems.of(400, "name must be 1-100 letters, digits, '.', '_' or '-'");
    }
    if (csv == null || csv.getBytes(StandardCharsets.UTF_8).length > l.datasetBytes()) {
      return Problems.of(413, "a data set is at most " + l.datasetBytes() + " bytes of CSV");
    }
    CsvCheck.Summary size;
    try {
      size = CsvCheck.check(csv, l.datasetRows(), l.datasetColumns());
    } catch (IllegalArgumentException e) {
      return Problems.of(400, "data set: " + e.getMessage());
    }
    String id = DatasetRegistered.idOf(csv);
    var known = events.datasets().get(id);
    if (known.isPresent()) {
      return Response.ok(known.get()).build();
    }
    String owner = identity.getPrincipal().getName();
    if (events.datasets().countOf(owner) >= l.datasetsPerOwner()) {
      return Problems.of(
          429, owner + " has registered " + l.datasetsPerOwner() + " data sets, the most allowed");
    }
    DatasetRegistered d =
        new DatasetRegistered(
            Event.SCHEMA_VERSION,
            id,
            name,
            owner,
            size.rows(),
            size.features(),
            size.classes(),
            csv,
            Instant.now());
    try {
      events.publish(d).toCompletableFuture().get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return Problems.of(
          503,
          "Kafka did not acknowledge the data set within "
              + PUBLISH_TIMEOUT_SECONDS
              + " s; nothing was registered, retry");
    }
    DatasetRegistry.Info info = events.datasets().add(d);
    return Response.created(URI.create("/datasets/" + id)).entity(info).build();
  }

  /** The registered data sets, newest first, without their contents. */
  @GET
  public Response list(
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return Problems.ofPage(offset, limit)
        .orElseGet(() -> Response.ok(events.datasets().page(offset, limit)).build());
  }

  @GET
  @Path("/{id}")
  public Response get(@PathParam("id") String id) {
    return events
        .datasets()
        .get(id)
        .map(i -> Response.ok(i).build())
        .orElse(Problems.of(404, "no data set " + (id.length() > 80 ? id.substring(0, 80) : id)));
  }
}
