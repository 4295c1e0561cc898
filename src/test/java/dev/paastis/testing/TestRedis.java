package dev.paastis.testing;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import redis.embedded.RedisServer;
import redis.embedded.RedisServerBuilder;

/**
 * A real Redis server (7.0.15, the binary shipped in {@code org.signal:embedded-redis}) on a free
 * loopback port, started by the test itself. Its data is kept in an append-only file in a folder of
 * its own, so that {@link #restart()} keeps it as a production Redis with persistence does; nothing
 * is written elsewhere ({@code save ""}: no dump.rdb in the working directory).
 */
public final class TestRedis implements AutoCloseable {

  private static TestRedis shared;

  private final int port;
  private final boolean tls;
  private final Path dir;
  private RedisServer server;

  private TestRedis(boolean tls) {
    this.port = ServerFolders.freePort();
    this.tls = tls;
    this.dir = ServerFolders.create("paastis-redis");
    start();
  }

  /** A server of its own, for tests that stop or restart it. */
  public static TestRedis ownServer() {
    return new TestRedis(false);
  }

  /**
   * A server that speaks TLS only, with the self-signed certificate of {@code
   * src/test/resources/tls}: {@link #url()} is then {@code rediss://}.
   */
  public static TestRedis withTls() {
    return new TestRedis(true);
  }

  /**
   * One server for the whole test run, for tests that only need one: each uses a key prefix of its
   * own. Stopped when the JVM ends.
   */
  public static synchronized TestRedis shared() {
    if (shared == null) {
      shared = new TestRedis(false);
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-redis-stop"));
    }
    return shared;
  }

  public synchronized void start() {
    RedisServerBuilder builder = RedisServer.builder();
    if (tls) {
      builder
          .port(0)
          .tlsPort(port)
          .setting("tls-cert-file " + resource("tls/redis-test-cert.pem"))
          .setting("tls-key-file " + resource("tls/redis-test-key.pem"))
          .setting("tls-auth-clients no");
    } else {
      builder.port(port);
    }
    server =
        builder
            .setting("bind 127.0.0.1")
            .setting("save \"\"")
            .setting("appendonly yes")
            .setting("appendfsync always")
            .setting("dir " + dir)
            .build();
    server.start();
  }

  public synchronized void stop() {
    if (server != null && server.isActive()) {
      server.stop();
    }
  }

  public synchronized void restart() {
    stop();
    start();
  }

  public String url() {
    return (tls ? "rediss" : "redis") + "://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Sends one command with a client of its own, for checks outside the code under test. */
  public Response command(Command command, Object... args) {
    Vertx vertx = Vertx.vertx();
    try {
      Redis client = Redis.createClient(vertx, url());
      Request request = Request.cmd(command);
      for (Object arg : args) {
        request.arg(String.valueOf(arg));
      }
      return client
          .send(request)
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Redis command " + command + " failed", e);
    } finally {
      vertx.close();
    }
  }

  @Override
  public synchronized void close() {
    stop();
    ServerFolders.delete(dir);
  }

  private static Path resource(String name) {
    try {
      return Path.of(TestRedis.class.getClassLoader().getResource(name).toURI());
    } catch (Exception e) {
      throw new IllegalStateException("test resource " + name + " is missing", e);
    }
  }
}
