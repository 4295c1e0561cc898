package dev.paastis.internal.proxy;

import dev.paastis.config.Durations;
import io.netty.handler.ssl.SslContext;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's HTTP server: one {@link ProxyVerticle} per event loop on one port. The first instance
 * binds (port 0 picks a free port), the others share its actual port.
 */
public final class ProxyServer {

  private static final Logger LOG = LoggerFactory.getLogger(ProxyServer.class);

  private final Vertx vertx;
  private final ProxyParts parts;
  private final int instances;
  private final Drain drain = new Drain();
  private final List<String> deployments = new CopyOnWriteArrayList<>();
  private final List<ProxyVerticle> verticles = new CopyOnWriteArrayList<>();
  private int actualPort = -1;
  private Future<Drained> drained;

  /** {@code instances} server instances share the port, one per event loop at most. */
  public ProxyServer(Vertx vertx, ProxyParts parts, int instances) {
    this.vertx = vertx;
    this.parts = parts;
    this.instances = Math.max(1, instances);
  }

  /** Listens; completes with the actual port. */
  public Future<Integer> listen(String host, int port) {
    List<ProxyVerticle> deployed = new CopyOnWriteArrayList<>();
    // made once for every instance: building a TLS context reads the JVM's trust store
    SslContext upstreamTls = UpstreamPool.jvmTrust();
    return vertx
        .deployVerticle(
            () -> {
              ProxyVerticle verticle = new ProxyVerticle(host, port, parts, drain, upstreamTls);
              deployed.add(verticle);
              return verticle;
            },
            new DeploymentOptions().setInstances(instances))
        .map(
            id -> {
              deployments.add(id);
              verticles.addAll(deployed);
              actualPort = deployed.get(0).actualPort();
              return actualPort;
            });
  }

  /**
   * What a drain did.
   *
   * @param inFlight requests and WebSockets in flight when it began
   * @param cut those still in flight when the grace ran out, closed then; 0 when all finished
   * @param took from its start until every connection was closed
   */
  public record Drained(int inFlight, int cut, Duration took) {}

  /**
   * Stops gracefully: the port refuses new connections at once, idle keep-alive connections are
   * closed at once, and requests in flight (those held while their app wakes, and responses still
   * streaming) may finish for up to {@code grace}; each connection closes after its response, which
   * says {@code Connection: close}. WebSocket tunnels are closed at once: they would never end by
   * themselves. When {@code grace} runs out, the connections left are closed. Logs a line when it
   * begins and one when it ends. Idempotent: a second call returns the first drain.
   */
  public synchronized Future<Drained> drain(Duration grace) {
    if (drained != null) {
      return drained;
    }
    drain.start(grace);
    long began = System.nanoTime();
    int inFlight = inFlight();
    LOG.info(
        "draining the proxy: new connections refused, idle ones closed, {} request(s) in flight"
            + " given up to {} to finish (SHUTDOWN_GRACE)",
        inFlight,
        Durations.format(grace));
    // Counted a moment before the connections left are closed: those requests are the ones cut.
    AtomicInteger cut = new AtomicInteger();
    long deadline =
        grace.isZero()
            ? -1
            : vertx.setTimer(grace.toMillis(), id -> cut.set(Math.max(0, inFlight())));
    if (grace.isZero()) {
      cut.set(inFlight);
    }
    List<Future<Void>> shutdowns = verticles.stream().map(v -> v.shutdown(grace)).toList();
    drained =
        Future.join(shutdowns)
            .transform(
                done -> {
                  if (deadline >= 0) {
                    vertx.cancelTimer(deadline);
                  }
                  Drained result =
                      new Drained(inFlight, cut.get(), Duration.ofNanos(System.nanoTime() - began));
                  logEnd(result, grace);
                  return undeploy().map(result);
                });
    return drained;
  }

  private static void logEnd(Drained result, Duration grace) {
    String took = String.format(Locale.ROOT, "%.1fs", result.took().toMillis() / 1000.0);
    if (result.cut() == 0) {
      LOG.info("proxy drained in {}: every request in flight finished", took);
    } else {
      LOG.warn(
          "proxy drained in {}: SHUTDOWN_GRACE={} ran out, {} request(s) still in flight were cut",
          took,
          Durations.format(grace),
          result.cut());
    }
  }

  /** Stops listening at once; requests in flight are cut. Idempotent. */
  public Future<Void> close() {
    return drain(Duration.ZERO).mapEmpty();
  }

  private Future<Void> undeploy() {
    List<Future<Void>> undeployed = deployments.stream().map(vertx::undeploy).toList();
    deployments.clear();
    verticles.clear();
    return Future.join(undeployed).mapEmpty();
  }

  /** Requests and WebSockets in flight to apps, plus requests held while their app wakes. */
  public int inFlight() {
    return parts.apps().inFlight() + drain.waking();
  }

  public int actualPort() {
    return actualPort;
  }
}
