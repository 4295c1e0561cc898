package dev.paastis.internal.lifecycle;

import dev.paastis.app.ProviderApp;
import dev.paastis.config.OwnApp;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The apps Paastis never registers nor stops: those REGISTRY_IGNORED_APPS names (names or {@code *}
 * globs, whatever their provider), and the app Paastis itself runs as ({@link OwnApp}, an app of
 * one provider), which it does not forward requests to either: they would come back to it.
 */
public final class IgnoredApps {

  private static final Logger LOG = LoggerFactory.getLogger(IgnoredApps.class);

  private final List<Pattern> patterns;
  private final List<Own> ownApps;

  /** The app Paastis runs as, and whether the log said so already. */
  private record Own(OwnApp app, AtomicBoolean told) {}

  public IgnoredApps(List<String> namesOrGlobs) {
    this(namesOrGlobs, List.of());
  }

  public IgnoredApps(List<String> namesOrGlobs, List<OwnApp> ownApps) {
    this.patterns = namesOrGlobs.stream().map(IgnoredApps::globToPattern).toList();
    this.ownApps = ownApps.stream().map(app -> new Own(app, new AtomicBoolean())).toList();
  }

  /** Whether Paastis must neither register nor stop the app. */
  public boolean isIgnored(ProviderApp app) {
    return isOwnApp(app) || patterns.stream().anyMatch(p -> p.matcher(app.key()).matches());
  }

  /**
   * Whether Paastis runs as this app, the same key at the same provider; the first time it meets
   * it, the log says so.
   */
  public boolean isOwnApp(ProviderApp app) {
    if (ownApps.isEmpty()) {
      return false;
    }
    for (Own own : ownApps) {
      if (own.app().provider().equals(app.provider()) && own.app().key().equals(app.key())) {
        if (own.told().compareAndSet(false, true)) {
          LOG.info(
              "app {} of {} is the one Paastis runs as ({}): it is never registered, stopped nor"
                  + " proxied to",
              app.key(),
              app.provider(),
              own.app().variable());
        }
        return true;
      }
    }
    return false;
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
