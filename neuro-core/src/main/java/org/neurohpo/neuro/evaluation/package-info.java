/**
 * The evaluation of one HP set for one seed: split the data set (stratified, 70 % train / 30 %
 * test, by the seed), scale features on the training split, encode both splits into spikes, evolve
 * a network with EONS whose fitness is the training accuracy on the RISP processor, and score that
 * network on the test split.
 *
 * <p>Per sample the processor is cleared, the sample's spikes are applied and {@code simTime}
 * timesteps run; the decoder turns the output fires into a class. The energy proxy is the number of
 * neuron fires and synapse events per test sample.
 */
package org.neurohpo.neuro.evaluation;
