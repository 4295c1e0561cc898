package dev.paastis.provider.scalingo;

import dev.paastis.provider.Deadline;
import dev.paastis.provider.UnknownAppException;
import io.vertx.core.Future;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The configured regions' APIs, and which region each app is in. */
final class ScalingoRegions {

  private final List<ScalingoApi> all;
  private final Map<String, ScalingoApi> regionOf = new ConcurrentHashMap<>();

  ScalingoRegions(List<ScalingoApi> all) {
    this.all = List.copyOf(all);
  }

  List<ScalingoApi> all() {
    return all;
  }

  /** Records the region an app was listed in. */
  void remember(String key, ScalingoApi api) {
    regionOf.put(key, api);
  }

  /** The region an app was listed in, else the first region that knows it. */
  Future<ScalingoApi> of(String key, Deadline deadline) {
    ScalingoApi known = regionOf.get(key);
    return known != null ? Future.succeededFuture(known) : findIn(all.iterator(), key, deadline);
  }

  private Future<ScalingoApi> findIn(
      Iterator<ScalingoApi> candidates, String key, Deadline deadline) {
    if (!candidates.hasNext()) {
      return Future.failedFuture(new UnknownAppException(ScalingoProvider.NAME, key));
    }
    ScalingoApi api = candidates.next();
    return api.app(key, deadline)
        .map(
            app -> {
              regionOf.put(key, api);
              return api;
            })
        .recover(
            failure ->
                failure instanceof UnknownAppException
                    ? findIn(candidates, key, deadline)
                    : Future.failedFuture(failure));
  }
}
