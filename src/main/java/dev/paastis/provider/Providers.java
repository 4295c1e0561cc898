package dev.paastis.provider;

import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The providers of one Paastis instance, in the order they are consulted. */
public final class Providers {

  private final Map<String, Provider> byName = new LinkedHashMap<>();

  public Providers(List<Provider> providers) {
    if (providers.isEmpty()) {
      throw new IllegalArgumentException("at least one provider is needed");
    }
    for (Provider provider : providers) {
      if (byName.putIfAbsent(provider.name(), provider) != null) {
        throw new IllegalArgumentException("two providers are named " + provider.name());
      }
    }
  }

  public List<Provider> all() {
    return List.copyOf(byName.values());
  }

  public Optional<Provider> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  public Future<Void> closeAll() {
    return Future.join(byName.values().stream().map(Provider::close).toList()).mapEmpty();
  }
}
