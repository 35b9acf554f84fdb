/**
 * Search spaces. A configuration is a map from the names of the active parameters to typed values
 * ({@code Double} for floats and ordinals, {@code Long} for ints, {@code String} for categories).
 *
 * <p>Encoding into the unit cube {@code [0,1]^D} (D = {@link
 * org.neurohpo.bayes.space.SearchSpace#dim()}): float {@code (v - low)/(high - low)} (of logs for
 * log floats); int {@code (v - low)/(high - low)}, decoded by rounding; ordinal by rank {@code
 * index/(k - 1)} (uneven spacing is ignored on purpose); categorical one-hot (k coordinates).
 * Inactive parameters are encoded at 0.5 (one coordinate) or all zeros (one-hot), so configurations
 * that differ only in inactive values coincide. Finite spaces (all discrete, at most 200,000 raw
 * combinations) are enumerable; constraint-violating combinations are never enumerated or sampled.
 */
package org.neurohpo.bayes.space;
