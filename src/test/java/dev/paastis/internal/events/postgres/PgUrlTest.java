package dev.paastis.internal.events.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.SslMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PgUrlTest {

  /**
   * Heroku Postgres gives {@code postgres://…} with no sslmode and refuses unencrypted connections;
   * Scalingo gives {@code ?sslmode=prefer}, Clever Cloud nothing: with none, Paastis prefers
   * encryption, as libpq does.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "postgres://u:p@db.example.com:5432/d1, PREFER, prefer",
    "postgresql://u:p@db.example.com:5432/d1?sslmode=prefer, PREFER, prefer",
    "postgres://u:p@db.example.com:5432/d1?sslmode=require, REQUIRE, require",
    "postgres://u:p@db.example.com:5432/d1?sslmode=disable, DISABLE, disable",
    "jdbc:postgresql://db.example.com:5432/d1?user=u&password=p, PREFER, prefer",
  })
  void the_ssl_mode_is_the_urls_or_else_prefer(String url, SslMode mode, String jdbcMode) {
    PgUrl parsed = PgUrl.parse(url);

    assertThat(parsed.options().getSslMode()).isEqualTo(mode);
    assertThat(parsed.jdbcProperties().getProperty("sslmode")).isEqualTo(jdbcMode);
    assertThat(parsed.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/d1");
    if (mode != SslMode.DISABLE) {
      // managed databases' certificates are not checked unless verify-full asks it
      assertThat(parsed.options().getSslOptions().isTrustAll()).isTrue();
    }
  }
}
