package org.neurohpo.neuro.hp;

import java.util.List;
import java.util.Locale;

/** One HP: its name, category, type, allowed values, default and meaning. */
public sealed interface ParameterSpec
    permits ParameterSpec.IntSpec,
        ParameterSpec.FloatSpec,
        ParameterSpec.BoolSpec,
        ParameterSpec.CategoricalSpec {

  String name();

  Category category();

  String description();

  /** {@code int}, {@code float}, {@code bool} or {@code categorical}. */
  String type();

  /** The allowed values, readable: {@code [1, 10]}, {@code {bins, rate}}, {@code {true, false}}. */
  String range();

  Object defaultValue();

  /** Parses a command-line value; the error names the HP and the allowed range. */
  Object parse(String text);

  /** Checks a typed value and returns it in this HP's Java type (Integer, Double, ...). */
  Object check(Object value);

  private static HyperParameterException bad(ParameterSpec p, Object value) {
    return new HyperParameterException(
        "HP " + p.name() + " must be " + p.type() + " in " + p.range() + ", got " + value);
  }

  /** An integer in [min, max]. */
  record IntSpec(
      String name, Category category, int min, int max, Integer defaultValue, String description)
      implements ParameterSpec {
    @Override
    public String type() {
      return "int";
    }

    @Override
    public String range() {
      return "[" + min + ", " + max + "]";
    }

    @Override
    public Object parse(String text) {
      try {
        return check(Integer.parseInt(text.trim()));
      } catch (NumberFormatException e) {
        throw bad(this, "'" + text + "'");
      }
    }

    @Override
    public Object check(Object value) {
      if (value instanceof Number n) {
        double d = n.doubleValue();
        if (d == Math.rint(d) && d >= min && d <= max) {
          return (int) d;
        }
      }
      throw bad(this, value);
    }
  }

  /** A real number in [min, max]. */
  record FloatSpec(
      String name,
      Category category,
      double min,
      double max,
      Double defaultValue,
      String description)
      implements ParameterSpec {
    @Override
    public String type() {
      return "float";
    }

    @Override
    public String range() {
      return "[" + min + ", " + max + "]";
    }

    @Override
    public Object parse(String text) {
      try {
        return check(Double.parseDouble(text.trim()));
      } catch (NumberFormatException e) {
        throw bad(this, "'" + text + "'");
      }
    }

    @Override
    public Object check(Object value) {
      if (value instanceof Number n) {
        double d = n.doubleValue();
        if (d >= min && d <= max) {
          return d;
        }
      }
      throw bad(this, value);
    }
  }

  /** true or false. */
  record BoolSpec(String name, Category category, Boolean defaultValue, String description)
      implements ParameterSpec {
    @Override
    public String type() {
      return "bool";
    }

    @Override
    public String range() {
      return "{true, false}";
    }

    @Override
    public Object parse(String text) {
      String t = text.trim().toLowerCase(Locale.ROOT);
      if (t.equals("true") || t.equals("false")) {
        return Boolean.parseBoolean(t);
      }
      throw bad(this, "'" + text + "'");
    }

    /** A Boolean, or the text "true" / "false" (a study space has categories, not booleans). */
    @Override
    public Object check(Object value) {
      if (value instanceof Boolean b) {
        return b;
      }
      if (value instanceof String s) {
        return parse(s);
      }
      throw bad(this, value);
    }
  }

  /** One of a fixed list of names. */
  record CategoricalSpec(
      String name, Category category, List<String> choices, String defaultValue, String description)
      implements ParameterSpec {
    public CategoricalSpec {
      choices = List.copyOf(choices);
    }

    @Override
    public String type() {
      return "categorical";
    }

    @Override
    public String range() {
      return "{" + String.join(", ", choices) + "}";
    }

    @Override
    public Object parse(String text) {
      return check(text.trim());
    }

    @Override
    public Object check(Object value) {
      if (value instanceof String s) {
        for (String c : choices) {
          if (c.equalsIgnoreCase(s)) {
            return c;
          }
        }
      }
      throw new HyperParameterException(
          "HP " + name + " must be one of " + range() + ", got " + value);
    }
  }
}
