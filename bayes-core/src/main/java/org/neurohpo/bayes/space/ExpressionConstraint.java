package org.neurohpo.bayes.space;

import java.util.Map;
import java.util.Set;

/**
 * A constraint written as an expression over parameter names: numbers, {@code + - * /},
 * parentheses, comparisons {@code < <= > >= == !=}, {@code &&}, {@code ||}, {@code !} and quoted
 * strings for categories, e.g. {@code "maxSpikes * interval < simTime"} or {@code "encoder !=
 * 'rate' || maxSpikes <= 8"}. A comparison that involves an inactive parameter holds.
 */
public final class ExpressionConstraint implements Constraint {
  private final String text;
  private final Expression.Node root;

  /** Parses {@code text}; an unknown name or a syntax error is named in the exception. */
  public ExpressionConstraint(String text, Set<String> parameterNames) {
    this.text = text;
    this.root = new Expression(text, parameterNames).parse();
  }

  @Override
  public boolean test(Map<String, Object> config) {
    Object v = root.eval(config);
    return !(v instanceof Boolean b) || b;
  }

  @Override
  public String toString() {
    return text;
  }
}
