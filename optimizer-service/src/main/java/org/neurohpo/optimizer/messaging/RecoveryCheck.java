package org.neurohpo.optimizer.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the studies of earlier runs are rebuilt from the topics; its data names the
 * partitions of the results topic (and so the studies) this optimizer drives.
 */
@Readiness
@ApplicationScoped
public class RecoveryCheck implements HealthCheck {
  @Inject StudyEvents events;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("optimizer-recovery")
        .status(events.recovered().isDone())
        .withData(
            "partitions",
            String.join(",", events.drivenPartitions().stream().map(String::valueOf).toList()))
        .build();
  }
}
