package dev.paastis.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** One run of the {@code paastis} command line, its output captured. */
record CliRun(int exitCode, String out, String err) {

  /** Runs {@code paastis args} as {@link Main} does, with {@code env} as the environment. */
  static CliRun run(Map<String, String> env, String... args) {
    return run(env, new StringWriter(), args);
  }

  /** Like {@link #run(Map, String...)}, writing to {@code out}, which a test may read meanwhile. */
  static CliRun run(Map<String, String> env, StringWriter out, String... args) {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine(env);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }
}
