package dev.paastis.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The event store (EVENTS_STORE_TYPE, DATABASE_URL or else POSTGRESQL_ADDON_URI,
 * EVENTS_MEMORY_CAPACITY, EVENTS_BUFFER_CAPACITY, EVENTS_RETENTION).
 *
 * @param memoryCapacity how many of the newest events the in-memory store keeps
 * @param bufferCapacity how many events PostgreSQL's writer keeps while the database cannot be
 *     reached; beyond it the oldest are dropped (and counted)
 * @param retention how long PostgreSQL keeps events
 */
public record EventsConfig(
    String type,
    Optional<Secret> databaseUrl,
    int memoryCapacity,
    int bufferCapacity,
    Duration retention) {

  public static final int DEFAULT_BUFFER_CAPACITY = 10_000;
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

  public EventsConfig {
    Objects.requireNonNull(databaseUrl, "databaseUrl");
    Objects.requireNonNull(retention, "retention");
  }

  /** The in-memory store of that capacity, the other settings at their defaults. */
  public static EventsConfig inMemory(int memoryCapacity) {
    return new EventsConfig(
        "in-memory", Optional.empty(), memoryCapacity, DEFAULT_BUFFER_CAPACITY, DEFAULT_RETENTION);
  }
}
