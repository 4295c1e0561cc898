package dev.paastis.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IgnoredAppsTest {

  @ParameterizedTest(name = "{0} ignored by [{1}]: {2}")
  @CsvSource({
    "paastis, paastis, true",
    "paastis-prod, paastis, false",
    "paastis-prod, paastis-*, true",
    "my-paastis, *-paastis, true",
    "a.b, a.b, true",
    "axb, a.b, false",
    "shop-pr1-front, shop-*-front, true",
    "anything, *, true",
  })
  void names_and_star_globs_match_whole_app_names(String app, String glob, boolean ignored) {
    assertThat(new IgnoredApps(List.of(glob)).isIgnored(app)).isEqualTo(ignored);
  }
}
