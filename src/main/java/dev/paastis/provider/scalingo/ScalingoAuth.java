package dev.paastis.provider.scalingo;

import dev.paastis.provider.CredentialsRejectedException;
import dev.paastis.provider.Deadline;
import dev.paastis.provider.ProviderException;
import dev.paastis.provider.internal.HttpApi;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Exchanges the long-lived API token for a bearer (a JWT valid about an hour) and keeps it fresh:
 * renewed 5 minutes before its {@code exp}, and at once after a 401. Concurrent callers share one
 * exchange.
 */
final class ScalingoAuth {

  static final Duration RENEW_AHEAD = Duration.ofMinutes(5);

  private final HttpApi http;
  private final URI authUrl;
  private final String apiToken;
  private final Clock clock;
  private Future<Bearer> current;

  /** A bearer and when it expires. */
  record Bearer(String token, Instant expiresAt) {}

  ScalingoAuth(HttpApi http, URI authUrl, String apiToken, Clock clock) {
    this.http = http;
    this.authUrl = authUrl;
    this.apiToken = apiToken;
    this.clock = clock;
  }

  /**
   * A bearer valid for at least {@link #RENEW_AHEAD}. An exchange is shared by the callers that
   * arrive while it runs, and bounded by the deadline of the one that started it.
   */
  synchronized Future<String> bearer(Deadline deadline) {
    boolean usable =
        current != null
            && !current.failed()
            && (!current.isComplete()
                || current.result().expiresAt().isAfter(clock.instant().plus(RENEW_AHEAD)));
    if (!usable) {
      current = exchange(deadline);
    }
    return current.map(Bearer::token);
  }

  /** Forgets a bearer the API refused, so that the next call exchanges again. */
  synchronized void rejected(String token) {
    if (current != null && current.succeeded() && current.result().token().equals(token)) {
      current = null;
    }
  }

  private Future<Bearer> exchange(Deadline deadline) {
    String basic =
        Base64.getEncoder().encodeToString((":" + apiToken).getBytes(StandardCharsets.UTF_8));
    MultiMap headers =
        MultiMap.caseInsensitiveMultiMap()
            .set("Authorization", "Basic " + basic)
            .set("Accept", "application/json")
            .set("Content-Type", "application/json");
    return http.send(
            HttpMethod.POST,
            URI.create(authUrl + "/v1/tokens/exchange"),
            headers,
            Buffer.buffer(),
            deadline)
        .recover(
            failure ->
                Future.failedFuture(
                    new ProviderException(
                        ScalingoProvider.NAME,
                        "Scalingo auth unreachable: " + failure.getMessage(),
                        failure)))
        .compose(
            response -> {
              if (response.status() == 401 || response.status() == 403) {
                return Future.failedFuture(
                    new CredentialsRejectedException(
                        ScalingoProvider.NAME,
                        "PROVIDER_SCALINGO_API_TOKEN was rejected by Scalingo ("
                            + response.status()
                            + ")"));
              }
              if (!response.isSuccess()) {
                return Future.failedFuture(
                    new ProviderException(
                        ScalingoProvider.NAME,
                        "Scalingo token exchange answered "
                            + response.status()
                            + ": "
                            + response.errorMessage()));
              }
              String token = response.jsonObject().getString("token");
              return Future.succeededFuture(new Bearer(token, expiry(token)));
            });
  }

  /** The {@code exp} claim of a JWT; an unreadable one is treated as valid for 10 minutes. */
  private Instant expiry(String jwt) {
    try {
      String payload = jwt.split("\\.")[1];
      JsonObject claims =
          new JsonObject(
              new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
      return Instant.ofEpochSecond(claims.getLong("exp"));
    } catch (RuntimeException unreadable) {
      return clock.instant().plus(Duration.ofMinutes(10));
    }
  }
}
