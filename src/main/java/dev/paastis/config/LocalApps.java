package dev.paastis.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Joins the local apps of {@code paastis.yml} with those a command adds ({@code paastis demo}),
 * refusing two apps with one name (one app key) or one port (one upstream).
 */
final class LocalApps {

  private LocalApps() {}

  static List<LocalAppConfig> join(
      List<LocalAppConfig> declared, List<LocalAppConfig> extra, String file) {
    List<LocalAppConfig> apps = new ArrayList<>(declared);
    apps.addAll(extra);
    List<String> places = new ArrayList<>();
    for (int index = 0; index < apps.size(); index++) {
      places.add(index < declared.size() ? file + " local.apps[" + index + "]" : "the command");
    }
    checkUnique(apps, places, "name", app -> "'" + app.name() + "'");
    checkUnique(apps, places, "port", app -> String.valueOf(app.port()));
    return List.copyOf(apps);
  }

  private static void checkUnique(
      List<LocalAppConfig> apps,
      List<String> places,
      String field,
      Function<LocalAppConfig, String> value) {
    Map<String, Integer> seen = new HashMap<>();
    for (int index = 0; index < apps.size(); index++) {
      String shown = value.apply(apps.get(index));
      Integer first = seen.putIfAbsent(shown, index);
      if (first != null) {
        throw new ConfigException(
            "local app "
                + field
                + " "
                + shown
                + " is declared twice: "
                + places.get(first)
                + " and "
                + places.get(index));
      }
    }
  }
}
