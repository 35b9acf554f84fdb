/**
 * The whole system on this machine as separate processes: a Kafka broker (kafka-local) and the
 * three services (their Quarkus jars), started, watched, restarted and stopped ({@link
 * org.neurohpo.local.LocalStack}); the optimizer's REST API ({@link
 * org.neurohpo.local.StudyClient}); and {@link org.neurohpo.local.LocalSystem}, which runs an
 * experiment design's studies on them (the {@code experiments} module's {@code Studies} port); what
 * the terminal shows of it: the progress bar ({@link org.neurohpo.local.ProgressBar}, also a
 * design's {@code Progress}) and colours ({@link org.neurohpo.local.Style}). Plain Java: no
 * picocli, no Quarkus; the CLI sits above it (ADR 0006).
 */
package org.neurohpo.local;
