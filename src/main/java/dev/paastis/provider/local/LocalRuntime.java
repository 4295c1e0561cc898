package dev.paastis.provider.local;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;

/**
 * What every app of one {@link LocalProvider} shares.
 *
 * @param vertx timers and futures
 * @param workers a pool of its own for spawning and waiting on processes, so that a long stop grace
 *     never starves the Vert.x worker pool
 * @param probe the HTTP readiness check
 * @param startTimeout how long a child may take to answer before it is killed
 */
record LocalRuntime(
    Vertx vertx, WorkerExecutor workers, HealthProbe probe, Duration startTimeout) {}
