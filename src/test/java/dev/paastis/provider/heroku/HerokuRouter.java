package dev.paastis.provider.heroku;

import dev.paastis.testing.FakeRouter.Page;
import dev.paastis.testing.FakeRouter.Route;
import java.time.Duration;
import java.util.Map;

/**
 * What Heroku's router answers at an app's {@code web_url}, from the fake's state, as the
 * provider's package documentation says: its "Application Error" page with 503 when the web
 * formation is 0 (H14) or every web dyno crashed (H10), requests held while web dynos boot, up to
 * 75 s (then H20, the same page), the maintenance page with 503 in maintenance mode, and the app
 * once a web dyno is up.
 */
final class HerokuRouter {

  /** Router 2.0 adds it to every answer, the app's included. */
  static final Map<String, String> VIA = Map.of("Via", "1.1 heroku-router");

  static final Duration BOOT_QUEUE = Duration.ofSeconds(75);

  static final Page APPLICATION_ERROR = page("Application Error", "application-error.html");
  static final Page MAINTENANCE = page("Offline for Maintenance", "maintenance-mode.html");

  private HerokuRouter() {}

  static Route route(FakeHerokuState state, String appName) {
    synchronized (state) {
      FakeHerokuState.App app = state.find(appName);
      if (app == null || app.maintenance) {
        return Route.page(app == null ? APPLICATION_ERROR : MAINTENANCE);
      }
      FakeHerokuState.Formation web = app.formation.get("web");
      if (web == null || web.quantity == 0) {
        return Route.page(APPLICATION_ERROR);
      }
      if (webDynosIn(app, "up")) {
        return Route.app();
      }
      if (webDynosIn(app, "starting")) {
        return Route.hold(BOOT_QUEUE, APPLICATION_ERROR);
      }
      return Route.page(APPLICATION_ERROR);
    }
  }

  private static boolean webDynosIn(FakeHerokuState.App app, String dynoState) {
    return app.dynos.stream()
        .anyMatch(dyno -> dyno.type.equals("web") && dyno.state.equals(dynoState));
  }

  /** The router's page: unstyled HTML framing one of herokucdn's error pages. */
  private static Page page(String title, String framed) {
    String body =
        "<!DOCTYPE html>\n<html>\n  <head>\n"
            + "    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "    <meta charset=\"utf-8\">\n    <title>"
            + title
            + "</title>\n  </head>\n  <body>\n"
            + "    <iframe src=\"//www.herokucdn.com/error-pages/"
            + framed
            + "\"></iframe>\n  </body>\n</html>\n";
    return new Page(
        503,
        Map.of(
            "Content-Type", "text/html; charset=utf-8",
            "Cache-Control", "no-cache, no-store",
            "Server", "Heroku"),
        body);
  }
}
