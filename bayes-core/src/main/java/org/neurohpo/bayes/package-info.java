/**
 * bayes-core: hyperparameter search with Gaussian-process Bayesian optimisation, in plain Java on
 * EJML and commons-math3, knowing nothing of spiking networks.
 *
 * <ul>
 *   <li>{@link org.neurohpo.bayes.space} - search spaces (float/log float, int, categorical,
 *       ordinal; conditions; constraints; JSON format, see below).
 *   <li>{@link org.neurohpo.bayes.gp} - exact GP regression, Matern-5/2 ARD, MAP hyperparameters.
 *   <li>{@link org.neurohpo.bayes.acquisition} - log-EI (default), UCB, PI, portfolio, and their
 *       maximisation over mixed spaces.
 *   <li>{@link org.neurohpo.bayes.strategy} - the ask/tell {@code Strategy} interface with grid,
 *       random (uniform, Halton) and GP-BO implementations; stopping rules.
 *   <li>{@link org.neurohpo.bayes.bench} - the benchmark-harness peer (JSON lines on stdin/out).
 * </ul>
 *
 * <h2>Search-space JSON (a study spec's {@code searchSpace})</h2>
 *
 * <pre>{@code
 * {"parameters": [
 *    {"name": "encoder", "type": "cat", "choices": ["bins", "rate", "temporal"]},
 *    {"name": "bins", "type": "ordinal", "values": [2, 4, 8, 16], "when": {"encoder": ["bins"]}},
 *    {"name": "window", "type": "int", "low": 1, "high": 10},
 *    {"name": "lr", "type": "float", "low": 1e-4, "high": 0.1, "log": true}],
 *  "constraints": [{"if": {"encoder": ["temporal"]}, "then": {"window": [4, 5, 6, 7, 8]}}]}
 * }</pre>
 *
 * Types: {@code float} ({@code low < high}, optional {@code log} needing {@code low > 0}), {@code
 * int} (integer bounds), {@code cat}/{@code categorical} (at least two distinct string choices),
 * {@code ordinal} (strictly increasing numbers). {@code when} makes a parameter active only while
 * its parent (defined earlier) is active with one of the listed values. A constraint says: if every
 * {@code if} parameter is active with a listed value, every active {@code then} parameter must take
 * a listed value. A bare array of parameter specs (the bench harness's {@code space}) is accepted
 * too. Errors are {@code IllegalArgumentException}s naming the parameter and the problem.
 */
package org.neurohpo.bayes;
