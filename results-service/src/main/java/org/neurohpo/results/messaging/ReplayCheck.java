package org.neurohpo.results.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until every record that was on the topics when the service started has been read: a
 * study that exists is never answered 404 by a ready service.
 */
@Readiness
@ApplicationScoped
public class ReplayCheck implements HealthCheck {
  @Inject ResultsListener results;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("results-replay").status(results.caughtUp()).build();
  }
}
