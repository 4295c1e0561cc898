package dev.paastis.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WakeFilterTest {

  private static final WakeFilter DEFAULTS =
      new WakeFilter(
          new UserAgentFilter(Optional.of(Pattern.compile(UserAgentFilter.DEFAULT_USER_AGENTS))),
          List.of());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)",
        "Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/120.0.0.0 Safari/537.36 StatusCake",
        "Better Uptime Bot Mozilla/5.0 (compatible; https://betteruptime.com/bot)",
        "Better Stack Better Uptime Bot Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36",
        "Uptime-Kuma/1.23.11",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/124.0.0.0 Safari/537.36 Site24x7",
        "FreshpingBot/1.0 (+https://freshping.io/)",
        "HetrixTools.COM Uptime Monitoring Bot. https://hetrix.tools/uptime-monitoring-bot.html",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/120.0.0.0 Safari/537.36 DatadogSynthetics",
        "NewRelicPinger/1.0 (370512)",
        "Checkly/1.0 (https://www.checklyhq.com)",
        "GoogleStackdriverMonitoring-UptimeChecks(https://cloud.google.com/monitoring)",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0;"
            + " +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36",
        "DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)",
        "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
        "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
        "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
        "Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)",
        "Mozilla/5.0 (compatible; MJ12bot/v1.4.8; http://mj12bot.com/)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
      })
  void the_default_user_agents_match_common_monitors_and_crawlers(String userAgent) {
    assertThat(DEFAULTS.classify(userAgent, "/")).contains(IgnoredReason.USER_AGENT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"
            + " Version/18.1 Safari/605.1.15",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like"
            + " Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
        "curl/8.5.0",
      })
  void the_default_user_agents_let_browsers_and_curl_wake_the_app(String userAgent) {
    assertThat(DEFAULTS.classify(userAgent, "/")).isEmpty();
  }

  @Test
  void the_default_user_agents_have_names_to_show() {
    assertThat(UserAgentFilter.DEFAULT_USER_AGENT_NAMES)
        .hasSize(22)
        .contains("UptimeRobot", "Better Stack (Better Uptime)", "Googlebot", "Slack link previews")
        .doesNotHaveDuplicates();
  }

  @Test
  void the_user_agent_expression_is_searched_anywhere_and_whatever_the_case() {
    WakeFilter filter =
        new WakeFilter(new UserAgentFilter(Optional.of(Pattern.compile("MyMonitor"))), List.of());

    assertThat(filter.classify("mymonitor/1.0", "/")).contains(IgnoredReason.USER_AGENT);
    assertThat(filter.classify("Mozilla/5.0 (MYMONITOR)", "/")).contains(IgnoredReason.USER_AGENT);
    assertThat(filter.classify("Mozilla/5.0", "/")).isEmpty();
  }

  @Test
  void a_matching_user_agent_is_the_reason_even_when_the_path_matches_too() {
    WakeFilter filter =
        new WakeFilter(
            new UserAgentFilter(Optional.of(Pattern.compile("UptimeRobot"))),
            List.of(PathGlob.compile("/health")));

    assertThat(filter.classify("UptimeRobot/2.0", "/health")).contains(IgnoredReason.USER_AGENT);
    assertThat(filter.classify("Mozilla/5.0", "/health")).contains(IgnoredReason.PATH);
    assertThat(filter.classify(null, "/health")).contains(IgnoredReason.PATH);
    assertThat(filter.classify("", "/health")).contains(IgnoredReason.PATH);
    assertThat(filter.classify("Mozilla/5.0", "/")).isEmpty();
  }

  @Test
  void a_path_matching_any_of_the_globs_is_the_reason() {
    WakeFilter filter =
        new WakeFilter(
            UserAgentFilter.NONE,
            List.of(PathGlob.compile("/healthz*"), PathGlob.compile("/.well-known/**")));

    assertThat(filter.classify("Mozilla/5.0", "/healthz")).contains(IgnoredReason.PATH);
    assertThat(filter.classify("Mozilla/5.0", "/.well-known/acme-challenge/x"))
        .contains(IgnoredReason.PATH);
    assertThat(filter.classify("UptimeRobot/2.0", "/")).isEmpty();
  }

  @Test
  void without_a_user_agent_there_is_nothing_to_match_it() {
    assertThat(DEFAULTS.classify(null, "/")).isEmpty();
    assertThat(DEFAULTS.classify("", "/")).isEmpty();
  }

  @Test
  void the_empty_filter_classifies_nothing() {
    assertThat(WakeFilter.NONE.isEmpty()).isTrue();
    assertThat(WakeFilter.NONE.classify("UptimeRobot/2.0", "/health")).isEmpty();
    assertThat(DEFAULTS.isEmpty()).isFalse();
    assertThat(new WakeFilter(UserAgentFilter.NONE, List.of(PathGlob.compile("/x"))).isEmpty())
        .isFalse();
  }

  @Test
  void a_user_agent_seen_again_gets_the_same_answer() {
    String monitor = "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)";

    for (int i = 0; i < 3; i++) {
      assertThat(DEFAULTS.classify(monitor, "/")).contains(IgnoredReason.USER_AGENT);
      assertThat(DEFAULTS.classify("curl/8.5.0", "/")).isEmpty();
    }
  }

  @Test
  void the_user_agents_remembered_stay_bounded_and_the_answers_right() {
    WakeFilter filter =
        new WakeFilter(
            new UserAgentFilter(Optional.of(Pattern.compile(UserAgentFilter.DEFAULT_USER_AGENTS))),
            List.of());

    for (int i = 0; i < 5_000; i++) {
      assertThat(filter.classify("curl/" + i, "/")).isEmpty();
      assertThat(filter.classify("UptimeRobot/" + i, "/")).contains(IgnoredReason.USER_AGENT);
      assertThat(filter.userAgents().userAgentsRemembered())
          .isLessThanOrEqualTo(UserAgentFilter.MOST_USER_AGENTS_REMEMBERED);
    }
  }

  @Test
  void only_the_first_512_characters_of_a_user_agent_are_read() {
    WakeFilter filter =
        new WakeFilter(
            new UserAgentFilter(Optional.of(Pattern.compile(UserAgentFilter.DEFAULT_USER_AGENTS))),
            List.of());
    String padding = "x".repeat(UserAgentFilter.LONGEST_USER_AGENT_READ - "Googlebot".length());

    assertThat(filter.classify(padding + "Googlebot" + "y".repeat(8_000), "/"))
        .contains(IgnoredReason.USER_AGENT);
    assertThat(filter.classify(padding + "xGooglebot", "/")).isEmpty();
  }

  @Test
  void ignored_reasons_have_the_names_events_and_metrics_use() {
    assertThat(IgnoredReason.USER_AGENT.value()).isEqualTo("user_agent");
    assertThat(IgnoredReason.PATH.value()).isEqualTo("path");
  }
}
