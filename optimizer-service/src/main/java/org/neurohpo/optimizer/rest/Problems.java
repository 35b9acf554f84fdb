package org.neurohpo.optimizer.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The REST API's error answers: a status and {@code {"problems": [...]}}, each one line. */
final class Problems {
  /** The most items one page of a list may hold. */
  static final int MAX_PAGE = 1000;

  private Problems() {}

  static Response of(int status, String problem) {
    return of(status, List.of(problem));
  }

  static Response of(int status, List<String> problems) {
    return Response.status(status)
        .entity(Map.of("problems", problems))
        .type(MediaType.APPLICATION_JSON)
        .build();
  }

  /** A 400 for a page outside the bounds of a list, or empty. */
  static Optional<Response> ofPage(int offset, int limit) {
    return offset < 0 || limit < 1 || limit > MAX_PAGE
        ? Optional.of(of(400, "offset must be >= 0 and limit in [1, " + MAX_PAGE + "]"))
        : Optional.empty();
  }
}
