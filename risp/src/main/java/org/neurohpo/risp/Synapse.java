package org.neurohpo.risp;

/**
 * A synapse: events from neuron {@code from} reach neuron {@code to} {@code delay} timesteps after
 * it fires and add {@code weight} to its potential.
 */
public record Synapse(long from, long to, double weight, int delay) {}
