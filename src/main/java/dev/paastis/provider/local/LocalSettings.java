package dev.paastis.provider.local;

import static java.time.temporal.ChronoUnit.SECONDS;

import dev.paastis.config.ProviderSettings;
import dev.paastis.config.Variables;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * The {@code local} provider's variables: PROVIDER_LOCAL_OPERATION_TIMEOUT (30s), how long a start
 * may take before the child is killed. Its apps are declared in {@code paastis.yml}, which the
 * configuration reads with the rules (they also decide whether {@code local} runs).
 */
public record LocalSettings(Duration operationTimeout) implements ProviderSettings {

  static LocalSettings read(Variables variables, boolean enabled) {
    return new LocalSettings(
        variables.positiveDuration("PROVIDER_LOCAL_OPERATION_TIMEOUT", "30s", SECONDS));
  }

  @Override
  public void describe(BiConsumer<String, Object> line) {
    line.accept("PROVIDER_LOCAL_OPERATION_TIMEOUT", operationTimeout);
  }
}
