package com.acme.paastis;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.provider.Deadline;
import dev.paastis.provider.Provider;
import dev.paastis.provider.UnknownAppException;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Apps in memory: each stopped until started, as a platform would keep them. */
final class AcmeProvider implements Provider {

  private final Map<String, URI> upstreams = new ConcurrentHashMap<>();
  private final Map<String, AppState> states = new ConcurrentHashMap<>();
  private final Duration operationTimeout;

  AcmeProvider(List<String> apps, Duration operationTimeout) {
    for (String app : apps) {
      String[] nameAndUrl = app.split("=", 2);
      upstreams.put(nameAndUrl[0], URI.create(nameAndUrl[1]));
      states.put(nameAndUrl[0], AppState.STOPPED);
    }
    this.operationTimeout = operationTimeout;
  }

  @Override
  public String name() {
    return "acme";
  }

  @Override
  public Future<List<ProviderApp>> list() {
    return Future.succeededFuture(upstreams.keySet().stream().sorted().map(this::app).toList());
  }

  @Override
  public Future<ProviderApp> status(String key, Deadline deadline) {
    return upstreams.containsKey(key)
        ? Future.succeededFuture(app(key))
        : Future.failedFuture(new UnknownAppException(name(), key));
  }

  @Override
  public Future<Void> start(String key, Formation formation, Deadline deadline) {
    return change(key, AppState.RUNNING);
  }

  @Override
  public Future<Void> stop(String key) {
    return change(key, AppState.STOPPED);
  }

  @Override
  public Duration operationTimeout() {
    return operationTimeout;
  }

  private Future<Void> change(String key, AppState state) {
    if (states.replace(key, state) == null) {
      return Future.failedFuture(new UnknownAppException(name(), key));
    }
    return Future.succeededFuture();
  }

  private ProviderApp app(String key) {
    return new ProviderApp(
        key,
        key,
        name(),
        states.get(key),
        Optional.of(upstreams.get(key)),
        Optional.empty(),
        Formation.DEFAULT);
  }
}
