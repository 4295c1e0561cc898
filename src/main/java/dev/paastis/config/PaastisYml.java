package dev.paastis.config;

import dev.paastis.app.Rule;
import java.nio.file.Path;
import java.util.List;

/** What {@code paastis.yml} declares: rules and local apps. */
record PaastisYml(List<Rule> rules, List<LocalAppConfig> localApps) {

  static final PaastisYml EMPTY = new PaastisYml(List.of(), List.of());

  PaastisYml {
    rules = List.copyOf(rules);
    localApps = List.copyOf(localApps);
  }

  /**
   * Reads {@code file}; {@code displayName} is how messages name it (the value of PAASTIS_CONFIG,
   * or {@code paastis.yml}); {@code providers} are the names a rule's {@code provider} accepts.
   */
  static PaastisYml read(Path file, String displayName, List<String> providers) {
    var root = YamlTree.read(file, displayName);
    if (root.isNull()) {
      return EMPTY;
    }
    YamlMapping top = YamlMapping.of(displayName, "", root, List.of("rules", "local"));
    return new PaastisYml(
        RuleReader.read(top, providers), LocalAppReader.read(top, file.getParent()));
  }
}
