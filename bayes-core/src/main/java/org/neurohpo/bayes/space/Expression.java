package org.neurohpo.bayes.space;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** A small recursive-descent parser for {@link Constraint} expressions. */
final class Expression {
  /** A parsed expression; evaluates to Double, String, Boolean or null (inactive). */
  interface Node {
    Object eval(Map<String, Object> point);
  }

  private final String src;
  private final Set<String> known;
  private int pos;

  Expression(String src, Set<String> known) {
    this.src = src == null ? "" : src;
    this.known = known;
  }

  Node parse() {
    Node n = or();
    skip();
    if (pos != src.length()) {
      throw error("unexpected '" + src.charAt(pos) + "'");
    }
    return n;
  }

  private Node or() {
    Node left = and();
    while (eat("||")) {
      Node l = left;
      Node r = and();
      left = p -> truth(l.eval(p)) || truth(r.eval(p));
    }
    return left;
  }

  private Node and() {
    Node left = comparison();
    while (eat("&&")) {
      Node l = left;
      Node r = comparison();
      left = p -> truth(l.eval(p)) && truth(r.eval(p));
    }
    return left;
  }

  private Node comparison() {
    Node left = sum();
    for (String op : new String[] {"<=", ">=", "==", "!=", "<", ">"}) {
      if (eat(op)) {
        Node l = left;
        Node r = sum();
        return p -> compare(op, l.eval(p), r.eval(p));
      }
    }
    return left;
  }

  private Node sum() {
    Node left = product();
    while (true) {
      if (eat("+")) {
        left = arithmetic(left, product(), '+');
      } else if (eat("-")) {
        left = arithmetic(left, product(), '-');
      } else {
        return left;
      }
    }
  }

  private Node product() {
    Node left = unary();
    while (true) {
      if (eat("*")) {
        left = arithmetic(left, unary(), '*');
      } else if (eat("/")) {
        left = arithmetic(left, unary(), '/');
      } else {
        return left;
      }
    }
  }

  private Node unary() {
    if (eat("!")) {
      Node n = unary();
      return p -> !truth(n.eval(p));
    }
    if (eat("-")) {
      Node n = unary();
      return p -> {
        Object v = n.eval(p);
        return v == null ? null : -number(v);
      };
    }
    return atom();
  }

  private Node atom() {
    skip();
    if (eat("(")) {
      Node n = or();
      if (!eat(")")) {
        throw error("missing ')'");
      }
      return n;
    }
    if (pos < src.length() && (src.charAt(pos) == '\'' || src.charAt(pos) == '"')) {
      char quote = src.charAt(pos++);
      int end = src.indexOf(quote, pos);
      if (end < 0) {
        throw error("unterminated string");
      }
      String s = src.substring(pos, end);
      pos = end + 1;
      return p -> s;
    }
    int start = pos;
    while (pos < src.length()
        && (Character.isLetterOrDigit(src.charAt(pos)) || "._".indexOf(src.charAt(pos)) >= 0)) {
      pos++;
    }
    String word = src.substring(start, pos);
    if (word.isEmpty()) {
      throw error("expected a number, a parameter name or '('");
    }
    if (Character.isDigit(word.charAt(0)) || word.charAt(0) == '.') {
      double v;
      try {
        v = Double.parseDouble(word);
      } catch (NumberFormatException e) {
        throw error("bad number '" + word + "'");
      }
      return p -> v;
    }
    if (!known.contains(word)) {
      throw error("unknown parameter '" + word + "'");
    }
    return p -> {
      Object v = p.get(word);
      return v instanceof Number n ? (Object) n.doubleValue() : v;
    };
  }

  private static Node arithmetic(Node l, Node r, char op) {
    return p -> {
      Object a = l.eval(p);
      Object b = r.eval(p);
      if (a == null || b == null) {
        return null;
      }
      double x = number(a);
      double y = number(b);
      return switch (op) {
        case '+' -> x + y;
        case '-' -> x - y;
        case '*' -> x * y;
        default -> x / y;
      };
    };
  }

  private static Object compare(String op, Object a, Object b) {
    if (a == null || b == null) {
      return true; // an inactive parameter constrains nothing
    }
    if (a instanceof Double x && b instanceof Double y) {
      return switch (op) {
        case "<" -> x < y;
        case "<=" -> x <= y;
        case ">" -> x > y;
        case ">=" -> x >= y;
        case "==" -> x.doubleValue() == y.doubleValue();
        default -> x.doubleValue() != y.doubleValue();
      };
    }
    return switch (op) {
      case "==" -> Objects.equals(String.valueOf(a), String.valueOf(b));
      case "!=" -> !Objects.equals(String.valueOf(a), String.valueOf(b));
      default ->
          throw new IllegalArgumentException("constraint compares text with '" + op + "': " + a);
    };
  }

  private static boolean truth(Object v) {
    return v == null || (v instanceof Boolean b ? b : number(v) != 0);
  }

  private static double number(Object v) {
    if (v instanceof Double d) {
      return d;
    }
    throw new IllegalArgumentException("constraint needs a number, got '" + v + "'");
  }

  private boolean eat(String token) {
    skip();
    if (src.startsWith(token, pos)) {
      if ((token.equals("<") || token.equals(">") || token.equals("!"))
          && src.startsWith("=", pos + 1)) {
        return false;
      }
      pos += token.length();
      return true;
    }
    return false;
  }

  private void skip() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(
        "constraint \"" + src + "\": " + what + " at position " + (pos + 1));
  }
}
