package dev.paastis.provider.render;

import dev.paastis.testing.FakeRouter.Page;
import dev.paastis.testing.FakeRouter.Route;
import java.util.Map;

/**
 * What Render's edge answers at a service's URL, from the fake's state, as the provider's package
 * documentation says: 503 "Service Suspended" marked {@code x-render-routing: suspend-by-user}
 * while suspended, 404 "Not Found" marked {@code no-server} while no deploy serves it (a resume's
 * deploy not live yet, or failed), the service once one does.
 */
final class RenderEdge {

  static final Page SUSPENDED =
      new Page(
          503,
          Map.of("Content-Type", "text/html; charset=utf-8", "x-render-routing", "suspend-by-user"),
          "<!DOCTYPE html><html><head><title>Service Suspended</title></head>"
              + "<body><h1>Service Suspended</h1>"
              + "<p>This service has been suspended by its owner.</p></body></html>\n");

  static final Page NO_SERVER =
      new Page(
          404,
          Map.of("Content-Type", "text/plain; charset=utf-8", "x-render-routing", "no-server"),
          "Not Found\n");

  private RenderEdge() {}

  static Route route(FakeRenderState state, String name) {
    synchronized (state) {
      FakeRenderState.Service service = state.byName(name);
      if (service == null) {
        return Route.page(NO_SERVER);
      }
      if (service.suspended) {
        return Route.page(SUSPENDED);
      }
      return service.serving ? Route.app() : Route.page(NO_SERVER);
    }
  }
}
