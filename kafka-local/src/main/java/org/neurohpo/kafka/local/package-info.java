/**
 * A real Apache Kafka broker on one machine, without Docker: one KRaft node that is both broker and
 * controller, started from the Maven artifacts either inside the calling JVM ({@link
 * org.neurohpo.kafka.local.KafkaLocal}, used by tests) or as its own JVM ({@link
 * org.neurohpo.kafka.local.KafkaLocalMain}, used by {@code neurohpo run}).
 *
 * <p>The storage directory is formatted once (a kept directory survives restarts when the same
 * ports are used again). Kafka's exit and halt procedures are replaced in-process, so a broker
 * fault fails the caller instead of killing the JVM.
 */
package org.neurohpo.kafka.local;
