package dev.paastis.cli;

import dev.paastis.config.ConfigException;
import picocli.CommandLine;

/** The {@code paastis} executable. */
public final class Main {

  /** Exit code of a configuration or usage mistake. */
  static final int USAGE_ERROR = 2;

  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new PaastisCommand())
        .setExecutionExceptionHandler(
            (failure, commandLine, parseResult) -> {
              if (failure instanceof ConfigException) {
                commandLine.getErr().println("paastis: " + failure.getMessage());
                return USAGE_ERROR;
              }
              throw failure;
            });
  }
}
