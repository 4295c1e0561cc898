package dev.paastis.config;

import dev.paastis.policy.CronSchedule;
import java.time.Duration;

/**
 * The scheduler: cron of the ticks (START_AND_STOP_CHECKING_INTERVAL_CRON), default idle time
 * before a stop (START_AND_STOP_MAX_IDLE_TIME) and how often a full status reconcile of tracked
 * apps may run (RECONCILE_INTERVAL).
 */
public record SchedulerConfig(
    CronSchedule cron, Duration maxIdleTime, Duration reconcileInterval) {}
