package dev.paastis.provider.clevercloud;

import dev.paastis.testing.FakeRouter.Page;
import dev.paastis.testing.FakeRouter.Route;
import java.util.Map;

/**
 * What Clever Cloud's front (Sōzu) answers at an app's vhost, from the fake's state, as the
 * provider's package documentation says: 404 while no instance is {@code UP} (the harder of the two
 * answers it may give a stopped app: an app may answer 404 too), the app once one is. The page is
 * Sōzu's default 404; Clever Cloud's own is not in the sources read.
 */
final class CleverRouter {

  /** Sōzu adds it to every answer, those it proxies included. */
  static final Map<String, String> ON_EVERY_ANSWER = Map.of("Sozu-Id", "01FAKEROUTER0000000000000");

  static final Page NOT_FOUND =
      new Page(
          404,
          Map.of("Cache-Control", "no-cache", "Connection", "close"),
          "<html><head><meta charset='utf-8'><head><body>\n<h1>404 Not Found</h1>\n"
              + "<footer>This is an automatic answer by Sōzu.</footer></body></html>");

  private CleverRouter() {}

  static Route route(FakeCleverState state, String appId) {
    synchronized (state) {
      if (appId == null) {
        return Route.page(NOT_FOUND);
      }
      FakeCleverState.App app = state.existing(appId);
      boolean up = app.instances.stream().anyMatch(instance -> instance.state.equals("UP"));
      return up ? Route.app() : Route.page(NOT_FOUND);
    }
  }
}
