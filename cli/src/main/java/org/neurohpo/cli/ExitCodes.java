package org.neurohpo.cli;

/** Exit codes of the {@code neurohpo} command, documented in the README. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;

  /** An internal error: a bug, reported with {@code NEUROHPO_DEBUG=1} for its stack trace. */
  public static final int INTERNAL = 1;

  /** Bad input: unknown option, data set or parameter, a value out of range, a malformed file. */
  public static final int USAGE = 2;

  /** Interrupted by the user (Ctrl-C). */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
