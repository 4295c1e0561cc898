package dev.paastis.app;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * An app as its provider reports it.
 *
 * @param key the provider's identity of the app (Heroku/Scalingo name, Clever Cloud id, local name)
 * @param displayName a human name, equal to the key when the provider has no other
 * @param provider the name of the provider that owns it (e.g. {@code local}, {@code heroku})
 * @param state the state mapped from the provider's vocabulary
 * @param upstream the URL requests are forwarded to, as the provider reports it; empty when the app
 *     cannot be proxied (e.g. Heroku app without {@code web_url})
 * @param region the provider region, empty when the provider has none
 * @param formation process types and quantities as currently set on the provider
 */
public record ProviderApp(
    String key,
    String displayName,
    String provider,
    AppState state,
    Optional<URI> upstream,
    Optional<String> region,
    Formation formation) {

  public ProviderApp {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(formation, "formation");
  }

  public ProviderApp withState(AppState newState) {
    return new ProviderApp(key, displayName, provider, newState, upstream, region, formation);
  }
}
