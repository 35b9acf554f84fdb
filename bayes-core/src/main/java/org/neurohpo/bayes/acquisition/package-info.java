/**
 * Acquisition functions (minimisation, maximised) and their optimiser.
 *
 * <p>With {@code z = (best - mu)/sigma}, {@code best} the lowest posterior mean at an observed
 * point: log-EI {@code = log sigma + log(phi(z) + z Phi(z))}, evaluated by an asymptotic series for
 * {@code z < -25}; UCB (as a lower bound) {@code -(mu - 2 sigma)}; log-PI {@code log Phi(z)}.
 * Maximisation: exhaustive on enumerable spaces of at most 20,000 valid configurations; otherwise
 * random and local (around the best observations) candidates, the best five (three above 150
 * points) refined by L-BFGS on active float coordinates and by discrete neighbour moves, every
 * candidate snapped to a valid configuration. The candidate count scales as {@code 5e6/n^2}
 * (between 128 and 1024) so that the acquisition time stays bounded as a study grows,
 * deterministically.
 */
package org.neurohpo.bayes.acquisition;
