/**
 * The {@code neurohpo} command: a thin picocli layer over the cores.
 *
 * <p>Each subcommand parses its options, makes one call into a core module and prints the result.
 * User mistakes (an unknown data set, a value outside its range, a malformed file) end in one line
 * on stderr that names the problem and exit code {@value org.neurohpo.cli.ExitCodes#USAGE}; a stack
 * trace is printed only for programming errors, and only with {@code NEUROHPO_DEBUG=1}.
 */
package org.neurohpo.cli;
