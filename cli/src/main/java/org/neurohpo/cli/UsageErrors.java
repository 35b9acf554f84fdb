package org.neurohpo.cli;

import java.io.PrintWriter;
import org.neurohpo.local.Style;
import picocli.CommandLine;

/** A mistyped command line: one line naming the problem and where to find help, exit 2. */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    err.println(
        name
            + ": "
            + Style.red("error")
            + ": "
            + UserErrors.message(ex)
            + " (see '"
            + name
            + " --help')");
    err.flush();
    return ExitCodes.USAGE;
  }
}
