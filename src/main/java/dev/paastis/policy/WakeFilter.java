package dev.paastis.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which requests must not wake a sleeping app: those whose user agent matches a regular expression
 * (searched anywhere in it, whatever the case), and those whose path matches one of the globs.
 *
 * <p>The proxy asks on every request, from every event loop, so this is kept cheap: no work at all
 * without a user agent and without globs; the answer for a user agent is remembered, since monitors
 * and crawlers send the same one over and over, in a map shared by the event loops and emptied when
 * it passes {@value #MOST_USER_AGENTS_REMEMBERED} entries (random user agents can only make it
 * start over; two threads clearing it at once lose a few answers, never a wrong one). Only the
 * first {@value #LONGEST_USER_AGENT_READ} characters of a user agent are searched and remembered:
 * real ones are shorter, searching the 8 KiB of a made-up one would cost a millisecond of an event
 * loop, and the map holds about a megabyte at most.
 */
public final class WakeFilter {

  /**
   * The uptime monitors and crawlers the default expression knows: a name, and what its user agent
   * holds.
   */
  private static final List<KnownAgent> KNOWN_AGENTS =
      List.of(
          new KnownAgent("UptimeRobot", "UptimeRobot"),
          new KnownAgent("Pingdom", "Pingdom"),
          new KnownAgent("StatusCake", "StatusCake"),
          new KnownAgent("Better Stack (Better Uptime)", "Better ?Uptime|Better ?Stack"),
          new KnownAgent("Uptime Kuma", "Uptime-Kuma"),
          new KnownAgent("Site24x7", "Site24x7"),
          new KnownAgent("Freshping", "Freshping"),
          new KnownAgent("HetrixTools", "Hetrix"),
          new KnownAgent("Datadog Synthetics", "DatadogSynthetics"),
          new KnownAgent("New Relic Synthetics", "NewRelicPinger"),
          new KnownAgent("Checkly", "Checkly"),
          new KnownAgent(
              "Google Cloud uptime checks", "GoogleStackdriverMonitoring|Google-Cloud-Uptime"),
          new KnownAgent("Googlebot", "Googlebot"),
          new KnownAgent("Bingbot", "bingbot"),
          new KnownAgent("DuckDuckBot", "DuckDuckBot"),
          new KnownAgent("Baiduspider", "Baiduspider"),
          new KnownAgent("YandexBot", "YandexBot"),
          new KnownAgent("AhrefsBot", "AhrefsBot"),
          new KnownAgent("SemrushBot", "SemrushBot"),
          new KnownAgent("Majestic (MJ12bot)", "MJ12bot"),
          new KnownAgent("Facebook link previews", "facebookexternalhit"),
          new KnownAgent("Slack link previews", "Slackbot"));

  /** A regular expression matching the user agents of common uptime monitors and crawlers. */
  public static final String DEFAULT_USER_AGENTS =
      KNOWN_AGENTS.stream().map(KnownAgent::userAgentHolds).collect(Collectors.joining("|"));

  /** The names of the monitors and crawlers {@link #DEFAULT_USER_AGENTS} matches. */
  public static final List<String> DEFAULT_USER_AGENT_NAMES =
      KNOWN_AGENTS.stream().map(KnownAgent::name).toList();

  /** Lets every request wake its app. */
  public static final WakeFilter NONE = new WakeFilter(Optional.empty(), List.of());

  static final int MOST_USER_AGENTS_REMEMBERED = 1_024;
  static final int LONGEST_USER_AGENT_READ = 512;

  // the answers are constants, so that the hot path allocates none
  private static final Optional<IgnoredReason> BY_USER_AGENT =
      Optional.of(IgnoredReason.USER_AGENT);
  private static final Optional<IgnoredReason> BY_PATH = Optional.of(IgnoredReason.PATH);

  private final Optional<Pattern> userAgents;
  private final List<PathGlob> paths;
  private final Map<String, Boolean> userAgentMatches = new ConcurrentHashMap<>();

  /**
   * @param userAgents searched in the user agent with {@code find()}, case-insensitively whatever
   *     its own flags
   * @param paths the globs of the paths that must not wake the app
   */
  public WakeFilter(Optional<Pattern> userAgents, List<PathGlob> paths) {
    this.userAgents =
        userAgents.map(
            pattern ->
                Pattern.compile(pattern.pattern(), pattern.flags() | Pattern.CASE_INSENSITIVE));
    this.paths = List.copyOf(paths);
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
    if (userAgentOrNull != null
        && !userAgentOrNull.isEmpty()
        && userAgentMatches(userAgentOrNull)) {
      return BY_USER_AGENT;
    }
    for (PathGlob path : paths) {
      if (path.matches(pathWithoutQuery)) {
        return BY_PATH;
      }
    }
    return Optional.empty();
  }

  private boolean userAgentMatches(String userAgent) {
    if (userAgents.isEmpty()) {
      return false;
    }
    String read =
        userAgent.length() <= LONGEST_USER_AGENT_READ
            ? userAgent
            : userAgent.substring(0, LONGEST_USER_AGENT_READ);
    Boolean remembered = userAgentMatches.get(read);
    if (remembered != null) {
      return remembered;
    }
    boolean matches = userAgents.get().matcher(read).find();
    if (userAgentMatches.size() >= MOST_USER_AGENTS_REMEMBERED) {
      userAgentMatches.clear();
    }
    userAgentMatches.put(read, matches);
    return matches;
  }

  /** How many user agents are remembered now. */
  int userAgentsRemembered() {
    return userAgentMatches.size();
  }

  @Override
  public String toString() {
    return "WakeFilter[userAgents="
        + userAgents.map(Pattern::pattern).orElse("none")
        + ", paths="
        + paths
        + "]";
  }

  private record KnownAgent(String name, String userAgentHolds) {}
}
