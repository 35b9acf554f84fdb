/**
 * EONS, Evolutionary Optimization for Neuromorphic Systems (Schuman et al.): a genetic algorithm
 * over spiking networks whose structure (neurons, synapses) and parameters (thresholds, weights,
 * delays, leak) evolve within the ranges of the hardware ({@link org.neurohpo.risp.ProcParams}).
 *
 * <h2>One generation</h2>
 *
 * Networks are ranked by fitness (higher first), ties broken toward smaller networks (fewer neurons
 * + synapses), then by position. The {@code numBest} best are copied unchanged (elitism, not
 * re-evaluated); round({@code randomFactor}·P) new random networks join (immigrants); the rest are
 * children of parents chosen by tournament (k = max(1, round({@code tournamentSizeFactor}·P))
 * random networks; the best wins with probability {@code tournamentBestNetFactor}, else the next,
 * and so on). A child is a crossover of two parents with probability {@code crossoverRate}, a merge
 * with probability {@code mergeRate}, else a copy; then with probability {@code mutationRate} it
 * receives {@code numMutations} mutations whose kinds are drawn with the relative weights
 * add/delete neuron, add/delete synapse, neuron and synapse parameters.
 *
 * <h2>Determinism</h2>
 *
 * All random choices are made on one thread from one seeded generator; fitness, a pure function of
 * a network, is computed on any number of threads and stored by position. The same seed therefore
 * gives the same result whatever the thread count.
 */
package org.neurohpo.neuro.eons;
