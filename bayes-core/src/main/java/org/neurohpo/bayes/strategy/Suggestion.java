package org.neurohpo.bayes.strategy;

import java.util.Map;

/** A point the optimizer asks to evaluate; {@code id} comes back with its observation. */
public record Suggestion(String id, Map<String, Object> params) {}
