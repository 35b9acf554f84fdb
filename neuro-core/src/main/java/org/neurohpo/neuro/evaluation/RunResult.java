package org.neurohpo.neuro.evaluation;

import org.neurohpo.risp.Network;

/**
 * One run (one seed) of an evaluation.
 *
 * @param trainAccuracy the EONS fitness of the trained network: accuracy on the training part
 * @param validationAccuracy accuracy on the validation part, held out from training: what a
 *     hyperparameter search selects on
 * @param testAccuracy accuracy on the test part, held out from training and validation: what a
 *     recommendation is judged on
 * @param spikesPerSample neuron fires per test sample (energy proxy)
 * @param synapseEventsPerSample synapse events per test sample (energy proxy)
 * @param seconds wall time of the run
 * @param generations EONS generations that ran (fewer than planned when training hit 100 %)
 * @param network the trained network, with its encoder, decoder and EONS parameters
 */
public record RunResult(
    long seed,
    double trainAccuracy,
    double validationAccuracy,
    double testAccuracy,
    int neurons,
    int synapses,
    double spikesPerSample,
    double synapseEventsPerSample,
    double seconds,
    int generations,
    Network network) {}
