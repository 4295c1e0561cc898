package dev.paastis.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry of tracked apps (REGISTRY_TYPE, REGISTRY_IGNORED_APPS, and for Redis
 * REGISTRY_REDIS_URL or REDIS_URL, REGISTRY_REDIS_TLS_VERIFY, REDIS_KEY_PREFIX). Ignored apps are
 * names or {@code *} globs.
 *
 * @param redisUrl {@code redis://[user:pass@]host:port[/db]} or {@code rediss://} for TLS, checked
 * @param redisTlsVerify false to accept a self-signed certificate, as managed Redis offers give
 * @param keyPrefix the start of every key Paastis writes, {@code paastis:} by default
 */
public record RegistryConfig(
    String type,
    List<String> ignoredApps,
    Optional<Secret> redisUrl,
    boolean redisTlsVerify,
    String keyPrefix) {

  public static final String DEFAULT_KEY_PREFIX = "paastis:";

  public RegistryConfig {
    ignoredApps = List.copyOf(ignoredApps);
    Objects.requireNonNull(redisUrl, "redisUrl");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
  }

  /** A registry of that type with the defaults of everything Redis reads. */
  public static RegistryConfig of(String type, List<String> ignoredApps) {
    return new RegistryConfig(type, ignoredApps, Optional.empty(), true, DEFAULT_KEY_PREFIX);
  }
}
