package dev.paastis.bench;

import dev.paastis.provider.Provider;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where {@link WakeLatencyBench} wakes one app: a fake PaaS (its API, its router in front of the
 * app's web URL, a known boot delay) or the {@code local} provider with the demo app.
 */
public interface BenchPlatform extends AutoCloseable {

  /** The provider's name, as PROVIDER_NAME gives it. */
  String name();

  /** The provider, on Paastis's Vert.x, talking to this platform. */
  Provider provider(Vertx paastisVertx);

  /** The app's key, as the provider names it. */
  String appKey();

  /** The first label of the Host header that routes to the app. */
  String hostLabel();

  /**
   * Since when ({@link System#nanoTime()}) the app can answer, as the platform saw it (its router,
   * or the app's own line); empty while it cannot.
   */
  OptionalLong appUpSinceNanos();

  /** Called just before a wake's request is sent. */
  default void beforeWake() {}

  /** Every API call the platform received so far, oldest first, as {@code METHOD path}. */
  List<String> calls();

  @Override
  void close();
}
