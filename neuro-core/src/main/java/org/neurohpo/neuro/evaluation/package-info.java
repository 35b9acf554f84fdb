/**
 * The evaluation of one HP set for one seed: partition the data set by the seed (stratified by
 * class: 30 % of each class is the test part, as before validation existed; 25 % of the rest is the
 * validation part; so 52.5 % train, 17.5 % validation, 30 % test), scale features on the training
 * part, encode the three parts into spikes, evolve a network with EONS whose fitness is the
 * training accuracy on the RISP processor, and score that network on the validation part and on the
 * test part.
 *
 * <p>The validation accuracy is what a study optimises and selects on; the test accuracy is
 * measured for every run but no search sees it, so a recommendation's test accuracy (on fresh
 * seeds) is an unbiased estimate of how it does on unseen data.
 *
 * <p>Per sample the processor is cleared, the sample's spikes are applied and {@code simTime}
 * timesteps run; the decoder turns the output fires into a class. The energy proxy is the number of
 * neuron fires and synapse events per test sample.
 */
package org.neurohpo.neuro.evaluation;
