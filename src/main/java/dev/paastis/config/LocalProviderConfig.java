package dev.paastis.config;

import java.time.Duration;
import java.util.List;

/** The {@code local} provider: its apps and PROVIDER_LOCAL_OPERATION_TIMEOUT. */
public record LocalProviderConfig(Duration operationTimeout, List<LocalAppConfig> apps) {

  public LocalProviderConfig {
    apps = List.copyOf(apps);
  }
}
