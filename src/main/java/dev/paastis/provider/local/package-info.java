/**
 * The built-in {@code local} provider: each app is a command run on this machine with {@code sh
 * -c}, listening on a loopback port. {@link dev.paastis.provider.local.LocalProvider} is the entry
 * point. The small HTTP app that {@code paastis demo} runs lives in {@code dev.paastis.demo}.
 */
package dev.paastis.provider.local;
