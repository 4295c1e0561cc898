package dev.paastis.provider.render;

import static java.time.temporal.ChronoUnit.SECONDS;

import dev.paastis.config.ConfigException;
import dev.paastis.config.OwnApp;
import dev.paastis.config.ProviderSettings;
import dev.paastis.config.Secret;
import dev.paastis.config.Variables;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The Render provider: PROVIDER_RENDER_API_KEY (required when the provider runs),
 * PROVIDER_RENDER_API_URL (https://api.render.com/v1), PROVIDER_RENDER_OWNER_ID (a workspace id
 * such as {@code tea-…}, to keep one workspace of the several a key can see) and
 * PROVIDER_RENDER_OPERATION_TIMEOUT (120s: a resume is a deploy, slower than a scale).
 */
record RenderConfig(
    Optional<Secret> apiKey, URI apiUrl, Optional<String> ownerId, Duration operationTimeout)
    implements ProviderSettings {

  static final String KEY = "PROVIDER_RENDER_API_KEY";

  /**
   * The app Paastis runs as when it runs on Render: Render sets RENDER and RENDER_SERVICE_NAME (the
   * service's name, the key this provider gives its apps) in every service. RENDER_SERVICE_NAME
   * alone is not taken for Render's.
   */
  static Optional<OwnApp> ownApp(Variables variables) {
    if (!variables.isSet("RENDER")) {
      return Optional.empty();
    }
    return variables
        .get("RENDER_SERVICE_NAME")
        .map(name -> new OwnApp(RenderProvider.NAME, name, "RENDER_SERVICE_NAME"));
  }

  static RenderConfig read(Variables variables, boolean enabled) {
    RenderConfig render =
        new RenderConfig(
            variables.secret(KEY),
            variables.url("PROVIDER_RENDER_API_URL", "https://api.render.com/v1"),
            variables.get("PROVIDER_RENDER_OWNER_ID").map(String::trim).filter(id -> !id.isEmpty()),
            variables.positiveDuration("PROVIDER_RENDER_OPERATION_TIMEOUT", "120s", SECONDS));
    if (enabled && render.apiKey().isEmpty()) {
      throw new ConfigException(
          KEY
              + " is not set: required when PROVIDER_NAME=render"
              + " (create one in the dashboard, Account Settings > API Keys)");
    }
    return render;
  }

  @Override
  public void describe(BiConsumer<String, Object> line) {
    line.accept(KEY, Secret.redacted(apiKey));
    line.accept("PROVIDER_RENDER_API_URL", apiUrl.toString());
    line.accept("PROVIDER_RENDER_OWNER_ID", ownerId.orElse(""));
    line.accept("PROVIDER_RENDER_OPERATION_TIMEOUT", operationTimeout);
  }
}
