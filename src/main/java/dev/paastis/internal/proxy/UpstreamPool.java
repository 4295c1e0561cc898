package dev.paastis.internal.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.internal.VertxInternal;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * The kept-alive connections of one event loop to the apps' upstreams, for {@link DirectExchange}:
 * a connection is made on the event loop of the client connection it serves, so that a request and
 * its upstream never change threads. Idle connections wait per endpoint, newest first (the oldest
 * are the first to reach their idle timeout), and close after {@link #IDLE_TIMEOUT}.
 *
 * <p>Connections go through Vert.x's transport (epoll when available) and name resolver (DNS off
 * the event loop), like the Vert.x HTTP client they replace. HTTPS upstreams are verified against
 * the JVM's trust store with their host name, which is also sent as SNI.
 *
 * <p>Event-loop confined, except {@link #close()}.
 */
final class UpstreamPool {

  /** Where connections go. */
  record Endpoint(String host, int port, boolean ssl) {}

  /** Idle connections kept per endpoint; more are closed when their exchange ends. */
  static final int MAX_IDLE_PER_ENDPOINT = 256;

  /** How long an idle connection waits for a next request before it is closed. */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

  private final VertxInternal vertx;
  private final EventLoop eventLoop;
  private final int connectTimeoutMillis;
  private final SslContext tls;
  private final Map<Endpoint, ArrayDeque<IdleConnection>> idle = new HashMap<>();
  private final ScheduledFuture<?> sweep;

  /** A connection waiting in the pool, and since when. */
  private record IdleConnection(Channel channel, long sinceNanos) {}

  /** {@code tls} verifies HTTPS upstreams: {@link #jvmTrust()} but in tests. */
  UpstreamPool(VertxInternal vertx, EventLoop eventLoop, Duration connectTimeout, SslContext tls) {
    this.vertx = vertx;
    this.eventLoop = eventLoop;
    this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
    this.tls = tls;
    // one sweep for the whole pool rather than an idle-state handler per connection, which costs
    // a promise and a listener per write on the hot path
    long every = Math.max(1, IDLE_TIMEOUT.toSeconds() / 4);
    this.sweep =
        eventLoop.scheduleAtFixedRate(this::closeIdleTooLong, every, every, TimeUnit.SECONDS);
  }

  /** A TLS client that trusts what the JVM trusts, as the Vert.x client does by default. */
  static SslContext jvmTrust() {
    try {
      return SslContextBuilder.forClient().build();
    } catch (SSLException e) {
      throw new IllegalStateException("no TLS client context for HTTPS upstreams", e);
    }
  }

  /** An open idle connection to {@code endpoint}, or null when there is none. */
  Channel takeIdle(Endpoint endpoint) {
    ArrayDeque<IdleConnection> waiting = idle.get(endpoint);
    if (waiting == null) {
      return null;
    }
    IdleConnection connection;
    while ((connection = waiting.pollFirst()) != null) {
      if (connection.channel().isActive()) {
        return connection.channel();
      }
    }
    return null;
  }

  /** Takes back a connection whose exchange ended cleanly, for the next request. */
  void giveBack(Endpoint endpoint, Channel channel) {
    ArrayDeque<IdleConnection> waiting = idle.computeIfAbsent(endpoint, key -> new ArrayDeque<>());
    if (waiting.size() >= MAX_IDLE_PER_ENDPOINT || !channel.isActive()) {
      channel.close();
      return;
    }
    waiting.addFirst(new IdleConnection(channel, System.nanoTime()));
  }

  /** Forgets an idle connection that closed. */
  void closed(Endpoint endpoint, Channel channel) {
    ArrayDeque<IdleConnection> waiting = idle.get(endpoint);
    if (waiting != null) {
      waiting.removeIf(connection -> connection.channel() == channel);
      if (waiting.isEmpty()) {
        idle.remove(endpoint);
      }
    }
  }

  /** The oldest wait at the end of each queue: close them from there. */
  private void closeIdleTooLong() {
    long oldest = System.nanoTime() - IDLE_TIMEOUT.toNanos();
    for (ArrayDeque<IdleConnection> waiting : idle.values()) {
      IdleConnection last;
      while ((last = waiting.peekLast()) != null && last.sinceNanos() - oldest < 0) {
        waiting.pollLast().channel().close();
      }
    }
    idle.values().removeIf(ArrayDeque::isEmpty);
  }

  /** Opens a new connection; its {@link UpstreamConnection} is in its pipeline once connected. */
  ChannelFuture connect(Endpoint endpoint) {
    return new Bootstrap()
        .group(eventLoop)
        .channelFactory(vertx.transport().channelFactory(false))
        .resolver(vertx.nameResolver().nettyAddressResolverGroup())
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
        .handler(
            new ChannelInitializer<>() {
              @Override
              protected void initChannel(Channel channel) {
                if (endpoint.ssl()) {
                  channel.pipeline().addLast("tls", tlsHandler(channel, endpoint));
                }
                channel
                    .pipeline()
                    .addLast("codec", new HttpClientCodec())
                    .addLast(
                        UpstreamConnection.NAME,
                        new UpstreamConnection(endpoint, UpstreamPool.this));
              }
            })
        .connect(InetSocketAddress.createUnresolved(endpoint.host(), endpoint.port()));
  }

  private SslHandler tlsHandler(Channel channel, Endpoint endpoint) {
    SslHandler handler = tls.newHandler(channel.alloc(), endpoint.host(), endpoint.port());
    SSLEngine engine = handler.engine();
    SSLParameters parameters = engine.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    if (!NetUtil.isValidIpV4Address(endpoint.host())
        && !NetUtil.isValidIpV6Address(endpoint.host())) {
      parameters.setServerNames(List.of(new SNIHostName(endpoint.host())));
    }
    engine.setSSLParameters(parameters);
    return handler;
  }

  /** Closes the idle connections; from any thread. */
  void close() {
    eventLoop.execute(
        () -> {
          sweep.cancel(false);
          idle.values()
              .forEach(waiting -> waiting.forEach(connection -> connection.channel().close()));
          idle.clear();
        });
  }
}
