package dev.paastis.proxy;

import dev.paastis.admin.SystemApi;
import dev.paastis.app.Rules;
import dev.paastis.config.ProxyTimeouts;
import dev.paastis.config.WakeStrategy;
import dev.paastis.lifecycle.AppLifecycle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The proxy's HTTP server: one {@link ProxyVerticle} per event loop on one port. The first instance
 * binds (port 0 picks a free port), the others share its actual port.
 */
public final class ProxyServer {

  private final Vertx vertx;
  private final AppLifecycle lifecycle;
  private final Rules rules;
  private final WakeStrategy wakeStrategy;
  private final SystemApi systemApi;
  private final ProxyTimeouts timeouts;
  private final int instances;
  private final List<String> deployments = new CopyOnWriteArrayList<>();
  private int actualPort = -1;

  public ProxyServer(
      Vertx vertx,
      AppLifecycle lifecycle,
      Rules rules,
      WakeStrategy wakeStrategy,
      SystemApi systemApi,
      ProxyTimeouts timeouts,
      int instances) {
    this.vertx = vertx;
    this.lifecycle = lifecycle;
    this.rules = rules;
    this.wakeStrategy = wakeStrategy;
    this.systemApi = systemApi;
    this.timeouts = timeouts;
    this.instances = Math.max(1, instances);
  }

  /** Listens; completes with the actual port. */
  public Future<Integer> listen(String host, int port) {
    List<ProxyVerticle> verticles = new CopyOnWriteArrayList<>();
    return vertx
        .deployVerticle(
            () -> {
              ProxyVerticle verticle =
                  new ProxyVerticle(
                      host, port, lifecycle, rules, wakeStrategy, systemApi, timeouts);
              verticles.add(verticle);
              return verticle;
            },
            new DeploymentOptions().setInstances(instances))
        .map(
            id -> {
              deployments.add(id);
              actualPort = verticles.get(0).actualPort();
              return actualPort;
            });
  }

  /** Stops listening; requests in flight are cut. Idempotent. */
  public Future<Void> close() {
    List<Future<Void>> undeployed = deployments.stream().map(vertx::undeploy).toList();
    deployments.clear();
    return Future.join(undeployed).mapEmpty();
  }

  public int actualPort() {
    return actualPort;
  }
}
