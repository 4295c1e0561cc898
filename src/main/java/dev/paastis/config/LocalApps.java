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
      places.add(
          index < declared.size()
              ? file + ": local.apps[" + index + "]"
              : "the local app '" + apps.get(index).name() + "' added by the command");
    }
    checkUnique(apps, places, "name", LocalAppConfig::name);
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
      Integer first = seen.putIfAbsent(value.apply(apps.get(index)), index);
      if (first != null) {
        throw new ConfigException(
            places.get(index)
                + " "
                + field
                + " '"
                + value.apply(apps.get(index))
                + "' is already used by "
                + places.get(first));
      }
    }
  }
}
