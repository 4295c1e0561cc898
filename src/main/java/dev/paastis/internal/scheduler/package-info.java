/**
 * Cron ticks: discovery of running apps, idle sweep, schedule windows, pre-warming of sleeping apps
 * before their usual hours, unregistering apps that are gone.
 */
package dev.paastis.internal.scheduler;
