package org.neurohpo.cli;

import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Set;
import org.neurohpo.local.Style;
import picocli.CommandLine;

/**
 * Turns what a subcommand throws into one line on stderr and an exit code.
 *
 * <p>The cores signal bad input with unchecked exceptions whose messages already name the problem
 * (the offending key, value, file and line); those are user mistakes and get no stack trace.
 * Anything else is a bug: one line, and the trace only when {@code NEUROHPO_DEBUG=1}.
 */
final class UserErrors implements CommandLine.IExecutionExceptionHandler {

  /**
   * Simple names of the cores' bad-input exceptions (kept by name: the CLI maps, it does not own).
   */
  private static final Set<String> USER_ERROR_TYPES =
      Set.of(
          "DatasetException",
          "HyperParameterException",
          "NetworkFormatException",
          "SpikeFormatException",
          "SearchSpaceException",
          "IllegalArgumentException",
          "NumberFormatException",
          "DateTimeParseException");

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    String prefix = commandLine.getCommandSpec().qualifiedName();
    if (isUserError(ex)) {
      err.println(prefix + ": " + Style.red("error") + ": " + message(ex));
      err.flush();
      return ExitCodes.USAGE;
    }
    if (ex instanceof InterruptedException) {
      err.println(prefix + ": interrupted");
      err.flush();
      return ExitCodes.INTERRUPTED;
    }
    err.println(
        prefix
            + ": "
            + Style.red("internal error")
            + ": "
            + message(ex)
            + " (NEUROHPO_DEBUG=1 shows the trace)");
    if ("1".equals(System.getenv("NEUROHPO_DEBUG"))) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.INTERNAL;
  }

  static boolean isUserError(Throwable ex) {
    if (ex instanceof UncheckedIOException u) {
      return isUserError(u.getCause());
    }
    if (ex instanceof NoSuchFileException
        || ex instanceof FileNotFoundException
        || ex instanceof AccessDeniedException) {
      return true;
    }
    for (Class<?> c = ex.getClass(); c != null; c = c.getSuperclass()) {
      if (USER_ERROR_TYPES.contains(c.getSimpleName())) {
        return true;
      }
    }
    return false;
  }

  static String message(Throwable ex) {
    if (ex instanceof UncheckedIOException u && u.getCause() != null) {
      return message(u.getCause());
    }
    if (ex instanceof NoSuchFileException n) {
      return "no such file: " + n.getFile();
    }
    if (ex instanceof AccessDeniedException a) {
      return "cannot read " + a.getFile() + ": permission denied";
    }
    String msg = ex.getMessage();
    if (msg == null || msg.isBlank()) {
      return ex.getClass().getSimpleName();
    }
    // One line, always: the first line of a multi-line message.
    int nl = msg.indexOf('\n');
    return nl < 0 ? msg : msg.substring(0, nl);
  }
}
