package dev.paastis.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathGlobTest {

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/health           | /health                      | true",
        "/health           | /health/                     | false",
        "/health           | /healthz                     | false",
        "/health           | /api/health                  | false",
        "/healthz*         | /healthz                     | true",
        "/healthz*         | /healthz-ready               | true",
        "/healthz*         | /healthz/ready               | false",
        "/.well-known/**   | /.well-known/                | true",
        "/.well-known/**   | /.well-known/acme/challenge  | true",
        "/.well-known/**   | /.well-known                 | false",
        "/.well-known/**   | /well-known/x                | false",
        "/api/*/status     | /api/v1/status               | true",
        "/api/*/status     | /api//status                 | true",
        "/api/*/status     | /api/v1/v2/status            | false",
        "/api/**/status    | /api/v1/v2/status            | true",
        "/api/**/status    | /api/status                  | false",
        "/v?/ping          | /v1/ping                     | true",
        "/v?/ping          | /v/ping                      | false",
        "/v?/ping          | /v12/ping                    | false",
        "/a?b              | /a/b                         | false",
        "*                 | robots.txt                   | true",
        "*                 | /robots.txt                  | false",
        "**                | /anything/at/all             | true",
        "**                | ''                           | true",
        "/***              | /a/b                         | true",
        "/*.txt            | /robots.txt                  | true",
        "/*.txt            | /robotsatxt                  | false",
        "/(a)+[x].$^\\d{1}  | /(a)+[x].$^\\d{1}            | true",
        "/(a)+[x].$^\\d{1}  | /aax$^1                      | false",
        "/Health           | /health                      | false",
      })
  void a_glob_matches_the_whole_path(String glob, String path, boolean matches) {
    assertThat(PathGlob.compile(glob).matches(path)).isEqualTo(matches);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "health", "?/health", "h*"})
  void a_glob_that_starts_with_neither_a_slash_nor_a_star_is_refused_naming_it(String glob) {
    assertThatThrownBy(() -> PathGlob.compile(glob))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + glob + "'")
        .hasMessageContaining("must start with / or *");
  }

  @Test
  void a_long_path_built_against_a_glob_of_many_runs_is_matched_in_linear_time() {
    PathGlob glob = PathGlob.compile("/**/a/**/a/**/a/**/a/**/b");
    String path = "/" + "a/".repeat(8_000);

    long start = System.nanoTime();
    boolean matches = glob.matches(path);

    assertThat(matches).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void globs_are_equal_when_written_alike() {
    assertThat(PathGlob.compile("/health"))
        .isEqualTo(PathGlob.compile("/health"))
        .hasSameHashCodeAs(PathGlob.compile("/health"))
        .hasToString("/health");
    assertThat(PathGlob.compile("/health").glob()).isEqualTo("/health");
  }
}
