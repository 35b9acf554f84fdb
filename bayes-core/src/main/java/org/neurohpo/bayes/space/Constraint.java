package org.neurohpo.bayes.space;

import java.util.Map;
import java.util.Set;

/**
 * A condition every point must meet, written as an expression over parameter names: numbers, {@code
 * + - * /}, parentheses, comparisons {@code < <= > >= == !=}, {@code &&}, {@code ||}, {@code !} and
 * quoted strings for categories, e.g. {@code "maxSpikes * interval < simTime"} or {@code "encoder
 * != 'rate' || maxSpikes <= 8"}. A parameter that is inactive in a point makes every comparison it
 * appears in true.
 */
public final class Constraint {
  private final String text;
  private final Expression.Node root;

  public Constraint(String text, Set<String> known) {
    this.text = text;
    this.root = new Expression(text, known).parse();
  }

  public boolean holds(Map<String, Object> point) {
    Object v = root.eval(point);
    return !(v instanceof Boolean b) || b;
  }

  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
