package org.neurohpo.local;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Colours and the progress bar, for a terminal only: never in a pipe or a file, and never with
 * NO_COLOR set (https://no-color.org) or TERM=dumb. Piped output stays plain text.
 */
public final class Style {
  private static final boolean TERMINAL = terminal();
  private static final boolean COLOUR =
      TERMINAL && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));

  private Style() {}

  /** Whether this process talks to a terminal (stdin and stdout not redirected). */
  public static boolean isTerminal() {
    return TERMINAL;
  }

  public static String red(String s) {
    return paint("31", s);
  }

  public static String green(String s) {
    return paint("32", s);
  }

  public static String yellow(String s) {
    return paint("33", s);
  }

  public static String bold(String s) {
    return paint("1", s);
  }

  /** A study or trial state in its colour: completed green, stopped yellow, failed red. */
  public static String state(String state) {
    return switch (state) {
      case "completed" -> green(state);
      case "stopped" -> yellow(state);
      case "failed" -> red(state);
      default -> state;
    };
  }

  private static String paint(String code, String s) {
    return COLOUR ? "\033[" + code + "m" + s + "\033[0m" : s;
  }

  private static boolean terminal() {
    Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      // Java 22+ returns a console even when redirected; it says whether it is a terminal
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(c);
    } catch (ReflectiveOperationException e) {
      return true; // Java 17-21: a console exists only on a terminal
    }
  }
}
