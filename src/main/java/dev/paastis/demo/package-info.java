/**
 * The demo app: a small HTTP server ({@link dev.paastis.demo.DemoApp}, with echo, download, SSE and
 * WebSocket routes) that {@code paastis demo}, the benchmark and the end-to-end tests run as a real
 * upstream, and {@link dev.paastis.demo.DemoApps}, which declares it as a {@code local} app. It is
 * an app Paastis runs, not a part of Paastis: no other package depends on it but the CLI.
 */
package dev.paastis.demo;
