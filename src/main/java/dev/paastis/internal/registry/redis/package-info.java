/**
 * The registry on Redis (REGISTRY_TYPE=redis): shared by instances, kept across restarts; claims,
 * leadership and news between instances. {@link dev.paastis.internal.registry.redis.RedisState} is
 * its entry point; docs/redis.md describes the keys.
 */
package dev.paastis.internal.registry.redis;
