package dev.paastis.config;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A remote provider's part of the configuration, owned by that provider's package: when its
 * credentials choose it (PROVIDER_NAME unset, DESIGN §6) and how its variables are read. The
 * composition root gives every provider's section to {@link ConfigLoader}, so that {@code config}
 * imports no provider package.
 *
 * @param name the provider's name, as PROVIDER_NAME gives it
 * @param hasCredentials whether the variables hold this provider's credentials
 * @param reader reads the provider's variables
 * @param ownApp recognises, from the variables its platform sets in every container, the app of
 *     this provider that Paastis itself runs as; read only when the provider runs
 */
public record ProviderSection(
    String name,
    Predicate<Variables> hasCredentials,
    Reader reader,
    Function<Variables, Optional<OwnApp>> ownApp) {

  public ProviderSection {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hasCredentials, "hasCredentials");
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(ownApp, "ownApp");
  }

  /** A provider whose platform Paastis cannot run on, or cannot tell its own app on. */
  public ProviderSection(String name, Predicate<Variables> hasCredentials, Reader reader) {
    this(name, hasCredentials, reader, variables -> Optional.empty());
  }

  /** Reads a provider's variables. */
  @FunctionalInterface
  public interface Reader {

    /**
     * @param enabled whether the provider runs: then a missing credential is a {@link
     *     ConfigException} naming the variable
     */
    ProviderSettings read(Variables variables, boolean enabled);
  }
}
