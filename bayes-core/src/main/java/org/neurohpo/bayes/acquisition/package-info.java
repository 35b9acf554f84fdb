/**
 * Acquisition functions for minimisation, on the GP's standardised scale: with posterior mean μ,
 * standard deviation σ and incumbent f* (best observed mean), z = (f* - μ) / σ:
 *
 * <ul>
 *   <li>log expected improvement: log EI = log σ + log(φ(z) + z Φ(z)), computed without
 *       cancellation for very negative z (default);
 *   <li>probability of improvement: log Φ(z);
 *   <li>upper confidence bound (for minimisation, a lower one): -(μ - β σ).
 * </ul>
 *
 * Larger is better for every acquisition.
 */
package org.neurohpo.bayes.acquisition;
