package dev.paastis.provider.scalingo;

import dev.paastis.testing.FakeRouter.Page;
import dev.paastis.testing.FakeRouter.Route;
import java.util.Map;

/**
 * What Scalingo's routers answer at an app's {@code url}, from the fake's state, as the provider's
 * package documentation says: 503 with an error page while no web container runs (the "stopped"
 * page when no container runs at all, the "no front" page when only other types do), the app once a
 * web container runs. The pages' HTML is the owner's choice on the real platform; here it only
 * names the case.
 */
final class ScalingoRouter {

  static final Page STOPPED = page("This application is stopped.");
  static final Page NO_FRONT = page("This application has no web container running.");

  private ScalingoRouter() {}

  static Route route(FakeScalingoState state, String region, String name) {
    synchronized (state) {
      FakeScalingoState.App app = state.find(region, name);
      if (app == null) {
        return Route.page(STOPPED);
      }
      if (running(app, "web")) {
        return Route.app();
      }
      boolean anyRunning = app.containers.stream().anyMatch(c -> c.state.equals("running"));
      return Route.page(anyRunning ? NO_FRONT : STOPPED);
    }
  }

  private static boolean running(FakeScalingoState.App app, String type) {
    return app.containers.stream()
        .anyMatch(container -> container.type.equals(type) && container.state.equals("running"));
  }

  private static Page page(String message) {
    return new Page(
        503,
        Map.of("Content-Type", "text/html; charset=utf-8", "Cache-Control", "no-cache"),
        "<!DOCTYPE html>\n<html><head><title>Scalingo</title></head><body><p>"
            + message
            + "</p></body></html>\n");
  }
}
