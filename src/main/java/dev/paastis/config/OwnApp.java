package dev.paastis.config;

import java.util.Objects;

/**
 * The app Paastis itself runs as, when it runs on a platform whose apps it manages: recognised from
 * the variables the platform sets in its containers (Heroku's dyno metadata HEROKU_APP_NAME,
 * Scalingo's APP, Clever Cloud's APP_ID). Paastis never registers it, never stops it and never
 * forwards requests to it (they would come back to Paastis).
 *
 * @param provider the provider that owns the app, as PROVIDER_NAME names it
 * @param key the app's key at that provider (Heroku and Scalingo name, Clever Cloud id)
 * @param variable the variable it was read from, for the log and {@code config check}
 */
public record OwnApp(String provider, String key, String variable) {

  public OwnApp {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(variable, "variable");
  }

  /** As {@code config check} and the log show it: {@code heroku:my-paastis (HEROKU_APP_NAME)}. */
  public String describe() {
    return provider + ":" + key + " (" + variable + ")";
  }
}
