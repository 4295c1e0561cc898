package dev.paastis.config;

import java.util.Optional;

/** The proxy's routing options: the original system API and the wake strategy. */
public record RoutingConfig(
    boolean systemApiEnabled, Optional<Secret> systemApiToken, WakeStrategy wakeStrategy) {}
