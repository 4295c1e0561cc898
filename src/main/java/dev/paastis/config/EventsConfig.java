package dev.paastis.config;

import java.util.Optional;

/**
 * The event store (EVENTS_STORE_TYPE, DATABASE_URL); the in-memory store keeps the newest {@code
 * memoryCapacity} events (EVENTS_MEMORY_CAPACITY).
 */
public record EventsConfig(String type, Optional<Secret> databaseUrl, int memoryCapacity) {}
