/**
 * The wire contract between the services and any external tool: topic names ({@link
 * org.neurohpo.model.Topics}), the events on them ({@link org.neurohpo.model.Event} and its
 * records) and their JSON form ({@link org.neurohpo.model.EventCodec}).
 *
 * <p>Every event is a past-tense record with a {@code schemaVersion}, the study id (also the Kafka
 * record key, so one study's events stay in order on one partition), and where it applies the trial
 * number and seed. JSON objects carry a {@code type} field naming the record. Parameter values are
 * typed JSON values (numbers, booleans, strings for categories), never numbers in strings. Delivery
 * is at least once: consumers are idempotent on (study, trial, seed).
 */
package org.neurohpo.model;
