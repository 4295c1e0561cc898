package dev.paastis.lifecycle;

import java.util.List;
import java.util.regex.Pattern;

/**
 * REGISTRY_IGNORED_APPS: names or {@code *} globs of apps Paastis never registers nor stops (for
 * example the app that runs Paastis itself).
 */
public final class IgnoredApps {

  private final List<Pattern> patterns;

  public IgnoredApps(List<String> namesOrGlobs) {
    this.patterns = namesOrGlobs.stream().map(IgnoredApps::globToPattern).toList();
  }

  public boolean isIgnored(String app) {
    return patterns.stream().anyMatch(pattern -> pattern.matcher(app).matches());
  }

  private static Pattern globToPattern(String glob) {
    StringBuilder regex = new StringBuilder();
    for (String part : glob.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }
}
