/**
 * A real Apache Kafka broker on one machine, without Docker: one KRaft node that is both broker and
 * controller, started from the Maven artifacts either inside the calling JVM ({@link
 * org.neurohpo.kafka.local.KafkaLocal}, used by tests) or as its own JVM ({@link
 * org.neurohpo.kafka.local.KafkaLocalMain}, used by {@code neurohpo run}).
 *
 * <p>The storage directory is formatted once (a kept directory survives restarts when the same
 * ports are used again). Kafka's exit and halt procedures are replaced in-process, so a broker
 * fault fails the caller instead of killing the JVM.
 *
 * <p>The clients' listener is PLAINTEXT, or secured: TLS with a throwaway CA ({@link
 * org.neurohpo.kafka.local.Certificates}), mutual TLS, or SASL_SSL with SCRAM-SHA-512 users made
 * when the storage is formatted; the controller's listener stays PLAINTEXT on 127.0.0.1.
 */
package org.neurohpo.kafka.local;
