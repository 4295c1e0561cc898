package dev.paastis.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The Heroku provider: PROVIDER_HEROKU_API_TOKEN (required when the provider runs),
 * PROVIDER_HEROKU_API_URL (https://api.heroku.com) and PROVIDER_HEROKU_OPERATION_TIMEOUT (30s).
 */
public record HerokuConfig(Optional<Secret> apiToken, URI apiUrl, Duration operationTimeout) {}
