package dev.paastis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminOptionsTest {

  private static AdminOptions options(Map<String, String> env, String url, String token) {
    AdminOptions options = new AdminOptions(env);
    options.url = url;
    options.token = token;
    return options;
  }

  @Test
  void the_url_comes_from_the_flag_then_the_environment_then_the_default() {
    Map<String, String> env = Map.of("PAASTIS_ADMIN_URL", "https://paastis.example.com:8443/");

    assertThat(options(Map.of(), null, null).baseUri()).hasToString("http://127.0.0.1:3001");
    assertThat(options(env, null, null).baseUri()).hasToString("https://paastis.example.com:8443");
    assertThat(options(env, "http://10.0.0.2:4000//", null).baseUri())
        .hasToString("http://10.0.0.2:4000");
    assertThat(options(Map.of("PAASTIS_ADMIN_URL", " "), null, null).baseUri())
        .hasToString("http://127.0.0.1:3001");
    assertThat(options(Map.of(), "https://example.com/paastis/", null).baseUri())
        .hasToString("https://example.com/paastis");
  }

  @Test
  void a_url_that_is_not_http_is_refused_naming_where_it_came_from() {
    assertThatThrownBy(() -> options(Map.of(), "localhost:3001", null).baseUri())
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "--url=localhost:3001 is not valid: expected an http(s) URL such as"
                + " http://127.0.0.1:3001");
    assertThatThrownBy(
            () -> options(Map.of("PAASTIS_ADMIN_URL", "ftp://host"), null, null).baseUri())
        .hasMessageStartingWith("PAASTIS_ADMIN_URL=ftp://host is not valid");
    assertThatThrownBy(() -> options(Map.of(), "http://host/?a=b", null).baseUri())
        .hasMessageStartingWith("--url=http://host/?a=b is not valid");
  }

  @Test
  void the_token_comes_from_the_flag_then_paastis_admin_token_then_admin_api_token() {
    Map<String, String> both =
        Map.of("PAASTIS_ADMIN_TOKEN", "client-token", "ADMIN_API_TOKEN", "server-token");

    assertThat(options(both, null, "flag-token").token())
        .isEqualTo(new AdminOptions.Token("flag-token", "--token"));
    assertThat(options(both, null, null).token())
        .isEqualTo(new AdminOptions.Token("client-token", "PAASTIS_ADMIN_TOKEN"));
    assertThat(options(Map.of("ADMIN_API_TOKEN", "server-token"), null, null).token())
        .isEqualTo(new AdminOptions.Token("server-token", "ADMIN_API_TOKEN"));
    assertThat(
            options(Map.of("PAASTIS_ADMIN_TOKEN", "", "ADMIN_API_TOKEN", "server"), null, " ")
                .token()
                .source())
        .isEqualTo("ADMIN_API_TOKEN");
  }

  @Test
  void no_token_at_all_is_a_usage_error_naming_the_ways_to_give_one() {
    assertThatThrownBy(() -> options(Map.of("PAASTIS_ADMIN_URL", "http://h:1"), null, null).token())
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "no admin API token: pass --token or set PAASTIS_ADMIN_TOKEN (or ADMIN_API_TOKEN,"
                + " the server's own variable)");
  }

  @Test
  void the_token_never_shows_in_its_text() {
    assertThat(new AdminOptions.Token("s3cr3t", "--token").toString())
        .doesNotContain("s3cr3t")
        .contains("--token");
  }

  @Test
  void the_command_line_hands_its_environment_to_the_options() {
    CliRun run = CliRun.run(Map.of(), "apps", "--url", "http://127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("paastis: no admin API token");
    assertThat(run.out()).isEmpty();
  }
}
