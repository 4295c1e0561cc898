package dev.paastis.internal.events.postgres;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events schema, migrated by Flyway from the scripts shipped in the jar ({@code db/paastis}),
 * in a history table of its own so that a database shared with an app's own Flyway is not confused.
 * Flyway holds a PostgreSQL advisory lock while it migrates: two instances starting together
 * migrate once. Blocking: run on a worker thread.
 */
final class Migrations {

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  /** The newest schema version this Paastis knows (the highest {@code V<n>__} script). */
  static final int KNOWN_VERSION = 1;

  static final String HISTORY_TABLE = "paastis_schema_history";

  private Migrations() {}

  /** Migrates to {@link #KNOWN_VERSION}; refuses a database whose schema is newer. */
  static void run(PgUrl url) {
    Flyway flyway =
        Flyway.configure()
            .dataSource(
                url.jdbcUrl() + "?sslmode=" + url.jdbcProperties().getProperty("sslmode"),
                url.jdbcProperties().getProperty("user"),
                url.jdbcProperties().getProperty("password"))
            .locations("classpath:db/paastis")
            .table(HISTORY_TABLE)
            .load();
    MigrationInfo current = flyway.info().current();
    if (current != null && current.getVersion() != null) {
      int version = Integer.parseInt(current.getVersion().getVersion());
      if (version > KNOWN_VERSION) {
        throw new NewerSchemaException(version, KNOWN_VERSION);
      }
    }
    int applied = flyway.migrate().migrationsExecuted;
    if (applied > 0) {
      LOG.info("events schema migrated to version {} ({} migrations)", KNOWN_VERSION, applied);
    }
  }

  /** The database was migrated by a newer Paastis: this one would misread or spoil it. */
  static final class NewerSchemaException extends RuntimeException {
    NewerSchemaException(int found, int known) {
      super(
          "the events schema in DATABASE_URL is version "
              + found
              + ", newer than this Paastis knows ("
              + known
              + "): run the newer Paastis, or point DATABASE_URL at another database");
    }
  }
}
