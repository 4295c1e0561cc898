/** Cron ticks: discovery of running apps, idle sweep, unregistering apps that are gone. */
package dev.paastis.scheduler;
