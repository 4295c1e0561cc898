package dev.paastis.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The user agents whose requests must not wake a sleeping app: those a regular expression finds
 * (anywhere in the header, whatever the case).
 *
 * <p>The proxy asks on every request, from every event loop, so this is kept cheap: the answer for
 * a user agent is remembered, since monitors and crawlers send the same one over and over, in a map
 * shared by the event loops and emptied when it passes {@value #MOST_USER_AGENTS_REMEMBERED}
 * entries (random user agents can only make it start over; two threads clearing it at once lose a
 * few answers, never a wrong one). Only the first {@value #LONGEST_USER_AGENT_READ} characters of a
 * user agent are read, so that the map holds a few hundred kilobytes at most and no header makes
 * the expression run long. One filter is made per expression configured, when the configuration is
 * read, and shared by every app it applies to, so that its answers are too.
 */
public final class UserAgentFilter {
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

  /** Lets every user agent wake its app. */
  public static final UserAgentFilter NONE = new UserAgentFilter(Optional.empty());

  static final int MOST_USER_AGENTS_REMEMBERED = 1_024;
  static final int LONGEST_USER_AGENT_READ = 512;

  private final Optional<Pattern> userAgents;
  private final Map<String, Boolean> userAgentMatches = new ConcurrentHashMap<>();

  /**
   * @param userAgents searched in the user agent with {@code find()}, case-insensitively whatever
   *     its own flags; empty to match none
   */
  public UserAgentFilter(Optional<Pattern> userAgents) {
    this.userAgents =
        userAgents.map(
            pattern ->
                Pattern.compile(pattern.pattern(), pattern.flags() | Pattern.CASE_INSENSITIVE));
  }

  /** Whether this filter matches no user agent at all. */
  public boolean isEmpty() {
    return userAgents.isEmpty();
  }

  /** The expression, empty when none. */
  public Optional<String> expression() {
    return userAgents.map(Pattern::pattern);
  }

  /** Whether requests with this {@code User-Agent} (null when none) must not wake their app. */
  public boolean matches(String userAgentOrNull) {
    if (userAgents.isEmpty() || userAgentOrNull == null || userAgentOrNull.isEmpty()) {
      return false;
    }
    String read =
        userAgentOrNull.length() <= LONGEST_USER_AGENT_READ
            ? userAgentOrNull
            : userAgentOrNull.substring(0, LONGEST_USER_AGENT_READ);
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
    return userAgents.map(Pattern::pattern).orElse("none");
  }

  private record KnownAgent(String name, String userAgentHolds) {}
}
