package dev.paastis.provider.clevercloud;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which of a Clever Cloud app's vhosts is its upstream. */
final class CleverVhosts {

  private CleverVhosts() {}

  /** A custom domain first, else the cleverapps.io one; trailing slash stripped. */
  static Optional<String> best(JsonObject app) {
    List<String> fqdns = new ArrayList<>();
    app.getJsonArray("vhosts", new JsonArray())
        .forEach(vhost -> fqdns.add(strip(((JsonObject) vhost).getString("fqdn", ""))));
    fqdns.removeIf(String::isEmpty);
    return fqdns.stream()
        .filter(fqdn -> !fqdn.endsWith(".cleverapps.io"))
        .findFirst()
        .or(() -> fqdns.stream().findFirst());
  }

  private static String strip(String fqdn) {
    return fqdn.endsWith("/") ? fqdn.substring(0, fqdn.length() - 1) : fqdn;
  }
}
