package dev.paastis.internal.proxy;

import dev.paastis.app.AppSettings;
import dev.paastis.internal.lifecycle.AppGate;
import dev.paastis.policy.IgnoredReason;
import dev.paastis.policy.OpenWindow;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a request may wake its sleeping app (the sleep policy's part of the proxy): one from an
 * uptime monitor or a crawler, or to an ignored path, never does; during a {@code keep_asleep}
 * window none does, unless a pin keeps the app awake. Such requests are answered 503 with {@code
 * Retry-After}, and the app stays asleep.
 */
final class WakeChecks {

  private final AppGate apps;

  WakeChecks(AppGate apps) {
    this.apps = apps;
  }

  /** The path of a request target, without its query: {@code /a/b?c} gives {@code /a/b}. */
  static String path(String uri) {
    int query = uri.indexOf('?');
    String target = query < 0 ? uri : uri.substring(0, query);
    if (target.startsWith("/")) {
      return target;
    }
    // absolute form (http://host/path): the path after the authority
    int scheme = target.indexOf("://");
    int slash = scheme < 0 ? -1 : target.indexOf('/', scheme + 3);
    return slash < 0 ? "/" : target.substring(slash);
  }

  /** Why the request must not wake its app, nor count as activity; empty when it may. */
  Optional<IgnoredReason> ignored(HttpServerRequest request, AppSettings settings) {
    return settings.policy().wakeFilter().classify(request.getHeader("user-agent"), request.path());
  }

  /**
   * The answer to a request for an app that does not serve now, when it must not wake it; empty
   * when it may. Never fails.
   */
  Future<Optional<ProxyError>> refusal(AppSettings settings, Optional<IgnoredReason> ignored) {
    Instant now = apps.clock().instant();
    Optional<OpenWindow> asleep = settings.policy().keepAsleep().openAt(now);
    String app = settings.appName();
    if (ignored.isPresent()) {
      apps.requestIgnored(ignored.get());
      return Future.succeededFuture(
          Optional.of(ProxyError.notWoken(app, ignored.get(), asleep, now)));
    }
    if (asleep.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return apps.isPinned(app)
        .otherwise(false)
        .map(
            pinned ->
                pinned
                    ? Optional.empty()
                    : Optional.of(ProxyError.asleepOnSchedule(app, asleep.get().closesAt(), now)));
  }
}
