package dev.paastis.internal.events.postgres;

import io.vertx.core.net.ClientSSLOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import java.util.Properties;

/**
 * DATABASE_URL as both clients need it: the reactive client's options, and a JDBC URL with its
 * properties for the migrations. {@code postgres://}, {@code postgresql://} and {@code
 * jdbc:postgresql://} are accepted; {@code sslmode} means what it means to libpq ({@code prefer}
 * when the URL names none: encrypted when the server offers it; {@code require} encrypts without
 * checking the certificate, as managed databases expect; {@code verify-full} checks it).
 */
record PgUrl(PgConnectOptions options, String jdbcUrl, Properties jdbcProperties) {

  static PgUrl parse(String databaseUrl) {
    String value = databaseUrl.trim();
    String plain = value.startsWith("jdbc:") ? value.substring("jdbc:".length()) : value;
    PgConnectOptions options = PgConnectOptions.fromUri(plain);
    // libpq's default when the URL names none: encrypted when the server offers it. Heroku
    // Postgres refuses unencrypted connections and its DATABASE_URL says nothing of sslmode.
    SslMode mode =
        !plain.contains("sslmode=") || options.getSslMode() == null
            ? SslMode.PREFER
            : options.getSslMode();
    options.setSslMode(mode);
    if (mode == SslMode.REQUIRE || mode == SslMode.PREFER || mode == SslMode.ALLOW) {
      options.setSslOptions(
          new ClientSSLOptions().setTrustAll(true).setHostnameVerificationAlgorithm(""));
    } else if (mode == SslMode.VERIFY_FULL) {
      options.setSslOptions(new ClientSSLOptions().setHostnameVerificationAlgorithm("HTTPS"));
    }
    Properties properties = new Properties();
    if (options.getUser() != null) {
      properties.setProperty("user", options.getUser());
    }
    if (options.getPassword() != null) {
      properties.setProperty("password", options.getPassword());
    }
    properties.setProperty("sslmode", mode.value);
    String jdbcUrl =
        "jdbc:postgresql://"
            + options.getHost()
            + ":"
            + options.getPort()
            + "/"
            + options.getDatabase();
    return new PgUrl(options, jdbcUrl, properties);
  }
}
