package dev.paastis.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The Clever Cloud provider: the four OAuth 1.0a secrets (PROVIDER_CLEVER_OAUTH_CONSUMER_KEY,
 * PROVIDER_CLEVER_OAUTH_CONSUMER_SECRET, PROVIDER_CLEVER_TOKEN, PROVIDER_CLEVER_SECRET), the API
 * host (PROVIDER_CLEVER_API_HOST), the signature method (PROVIDER_CLEVER_SIGNATURE, PLAINTEXT or
 * HMAC-SHA512), the organisations to narrow the listing to (PROVIDER_CLEVER_ORGANISATIONS) and
 * PROVIDER_CLEVER_OPERATION_TIMEOUT (60s).
 */
public record CleverConfig(
    Optional<Secret> consumerKey,
    Optional<Secret> consumerSecret,
    Optional<Secret> token,
    Optional<Secret> secret,
    URI apiHost,
    String signatureMethod,
    List<String> organisations,
    Duration operationTimeout) {

  public CleverConfig {
    organisations = List.copyOf(organisations);
  }
}
