package dev.paastis.cli;

import dev.paastis.ProviderChoice;
import dev.paastis.config.ConfigPrinter;
import dev.paastis.config.PaastisConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code paastis config check}: validates the configuration and prints it, secrets redacted. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Inspect the configuration.",
    subcommands = ConfigCommand.Check.class)
final class ConfigCommand {

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description =
          "Load and validate the configuration (environment, .env, flags, paastis.yml) and print"
              + " the effective values with secrets redacted. Exit code 0 when valid, 2 when not.")
  static final class Check implements Callable<Integer> {

    @Mixin ServeOptions options = new ServeOptions();
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PaastisConfig config =
          ProviderChoice.configLoader(System.getenv(), Path.of("").toAbsolutePath())
              .load(options.overrides(), List.of());
      ConfigPrinter.describe(config).forEach(spec.commandLine().getOut()::println);
      spec.commandLine().getOut().println("# configuration is valid");
      return 0;
    }
  }
}
