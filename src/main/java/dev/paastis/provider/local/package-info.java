/**
 * The built-in {@code local} provider: each app is a command run on this machine with {@code sh
 * -c}, listening on a loopback port. {@link dev.paastis.provider.local.LocalProvider} is the entry
 * point; {@link dev.paastis.provider.local.DemoApp} is the small HTTP app that {@code paastis demo}
 * and the end-to-end tests run as a real upstream.
 */
package dev.paastis.provider.local;
