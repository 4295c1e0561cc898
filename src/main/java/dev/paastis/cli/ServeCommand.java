package dev.paastis.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code paastis serve}: runs the proxy until Ctrl-C or TERM. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Run the proxy (the default command).")
final class ServeCommand implements Callable<Integer> {

  @Mixin ServeOptions options = new ServeOptions();

  @Override
  public Integer call() throws Exception {
    return Server.run(options.overrides(), List.of(), started -> {});
  }
}
