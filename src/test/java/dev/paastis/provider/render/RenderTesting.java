package dev.paastis.provider.render;

import dev.paastis.config.Secret;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Builds providers that talk to a {@link FakeRenderApi}. */
final class RenderTesting {

  static final String KEY = "rnd_testkey0000000000000000";

  private RenderTesting() {}

  /** A provider of every workspace, paging by 100 as in production. */
  static RenderProvider provider(Vertx vertx, FakeRenderApi render) {
    return provider(vertx, render, Optional.empty(), RenderApi.MAX_PAGE);
  }

  static RenderProvider provider(
      Vertx vertx, FakeRenderApi render, Optional<String> ownerId, int pageSize) {
    return provider(vertx, render, KEY, ownerId, pageSize);
  }

  static RenderProvider provider(
      Vertx vertx, FakeRenderApi render, String key, Optional<String> ownerId, int pageSize) {
    return new RenderProvider(
        vertx,
        new RenderConfig(
            Optional.of(new Secret(key)), render.apiUrl(), ownerId, Duration.ofSeconds(30)),
        Clock.systemUTC(),
        pageSize);
  }
}
