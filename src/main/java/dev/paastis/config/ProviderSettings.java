package dev.paastis.config;

import java.util.function.BiConsumer;

/**
 * The settings a provider read from its variables. The provider's package owns the record that
 * implements this, and casts to it when it creates the provider.
 */
public interface ProviderSettings {

  /**
   * Gives each setting to {@code line} as the variable that sets it and its value, in the order
   * {@code paastis config check} prints them; secrets through {@link Secret#redacted}.
   */
  void describe(BiConsumer<String, Object> line);
}
