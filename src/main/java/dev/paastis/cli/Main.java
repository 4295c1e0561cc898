package dev.paastis.cli;

import dev.paastis.config.ConfigException;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** The {@code paastis} executable. */
public final class Main {

  /** Exit code of a failure at run time, such as an admin API that cannot be reached. */
  static final int RUNTIME_ERROR = 1;

  /** Exit code of a configuration or usage mistake. */
  static final int USAGE_ERROR = 2;

  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /** The command line with {@code env} as the environment the admin API commands read. */
  static CommandLine commandLine(Map<String, String> env) {
    IFactory defaults = CommandLine.defaultFactory();
    IFactory factory =
        new IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            return type == AdminOptions.class
                ? type.cast(new AdminOptions(env))
                : defaults.create(type);
          }
        };
    return new CommandLine(new PaastisCommand(), factory)
        .setExecutionExceptionHandler(
            (failure, commandLine, parseResult) -> {
              if (failure instanceof ConfigException) {
                commandLine.getErr().println("paastis: " + failure.getMessage());
                return USAGE_ERROR;
              }
              if (failure instanceof AdminApiException) {
                commandLine.getErr().println("paastis: " + failure.getMessage());
                return RUNTIME_ERROR;
              }
              throw failure;
            });
  }
}
