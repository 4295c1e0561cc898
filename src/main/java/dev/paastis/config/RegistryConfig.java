package dev.paastis.config;

import java.util.List;
import java.util.Optional;

/**
 * The registry of tracked apps (REGISTRY_TYPE, REGISTRY_IGNORED_APPS, REGISTRY_REDIS_URL or
 * REDIS_URL). Ignored apps are names or {@code *} globs.
 */
public record RegistryConfig(String type, List<String> ignoredApps, Optional<Secret> redisUrl) {}
