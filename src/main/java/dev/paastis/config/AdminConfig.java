package dev.paastis.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The admin listener: the admin API, health, metrics and the dashboard.
 *
 * @param enabled whether the listener is opened (ADMIN_ENABLED, default false)
 * @param host the interface it listens on (ADMIN_HOST, default 127.0.0.1: local only)
 * @param port its port (ADMIN_PORT, default 3001; 0 picks a free one)
 * @param apiToken the bearer token of the API (ADMIN_API_TOKEN, else ROUTING_SYSTEM_API_TOKEN);
 *     present whenever the listener is enabled
 * @param metricsPublic whether /metrics answers without the token (METRICS_PUBLIC)
 */
public record AdminConfig(
    boolean enabled, String host, int port, Optional<Secret> apiToken, boolean metricsPublic) {

  public AdminConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(apiToken, "apiToken");
    if (enabled && apiToken.isEmpty()) {
      throw new IllegalArgumentException("an enabled admin listener needs a token");
    }
  }

  public static AdminConfig disabled() {
    return new AdminConfig(false, "127.0.0.1", 3001, Optional.empty(), false);
  }
}
