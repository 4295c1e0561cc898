package dev.paastis.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which requests must not wake a sleeping app, nor count as activity on an awake one: those from a
 * user agent the {@link UserAgentFilter} matches (uptime monitors, crawlers), and those whose path
 * matches one of the globs. Cheap enough for every request: the user agents' answers are remembered
 * by the shared filter, the globs match without regular expressions.
 *
 * @param userAgents the user agents ignored, {@link UserAgentFilter#NONE} for none
 * @param paths the globs of the paths ignored
 */
public record WakeFilter(UserAgentFilter userAgents, List<PathGlob> paths) {

  /** Lets every request wake its app. */
  public static final WakeFilter NONE = new WakeFilter(UserAgentFilter.NONE, List.of());

  // the answers are constants, so that the hot path allocates none
  private static final Optional<IgnoredReason> BY_USER_AGENT =
      Optional.of(IgnoredReason.USER_AGENT);
  private static final Optional<IgnoredReason> BY_PATH = Optional.of(IgnoredReason.PATH);

  public WakeFilter {
    Objects.requireNonNull(userAgents, "userAgents");
    paths = List.copyOf(paths);
  }

  /** Whether this filter lets every request wake its app. */
  public boolean isEmpty() {
    return userAgents.isEmpty() && paths.isEmpty();
  }

  /**
   * Why this request must not wake its app, empty when it may.
   *
   * @param userAgentOrNull the {@code User-Agent} header, null when there is none
   * @param pathWithoutQuery the request's path, without its query
   */
  public Optional<IgnoredReason> classify(String userAgentOrNull, String pathWithoutQuery) {
    if (userAgents.matches(userAgentOrNull)) {
      return BY_USER_AGENT;
    }
    for (PathGlob path : paths) {
      if (path.matches(pathWithoutQuery)) {
        return BY_PATH;
      }
    }
    return Optional.empty();
  }
}
