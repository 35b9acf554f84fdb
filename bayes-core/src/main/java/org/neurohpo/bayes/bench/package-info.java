/**
 * The benchmark peer: speaks the harness's JSON-lines contract (init, ask, tell, close) around a
 * {@link org.neurohpo.bayes.strategy.BayesianStrategy} with {@code BayesOptions.forStudy}.
 */
package org.neurohpo.bayes.bench;
