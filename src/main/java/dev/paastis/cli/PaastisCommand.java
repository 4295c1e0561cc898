package dev.paastis.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code paastis}: runs the proxy, as {@code paastis serve} does. */
@Command(
    name = "paastis",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Scale-to-zero HTTP proxy for PaaS apps: stops idle apps, wakes them on the next request.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      ConfigCommand.class,
      AppsCommand.class,
      AppActionCommand.Start.class,
      AppActionCommand.Stop.class,
      PinCommands.Pin.class,
      PinCommands.Unpin.class,
      EventsCommand.class,
      SavingsCommand.class
    })
final class PaastisCommand implements Callable<Integer> {

  @Mixin ServeOptions options = new ServeOptions();

  @Override
  public Integer call() throws Exception {
    return Server.run(options.overrides(), List.of(), started -> {});
  }
}
