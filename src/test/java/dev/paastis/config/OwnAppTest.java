package dev.paastis.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Paastis recognises the app it runs as from the variables each platform sets in its containers,
 * for the provider that runs only, and {@code config check} shows it.
 */
class OwnAppTest {

  private static final String CLEVER_APP = "app_649a93d1-6677-44bc-aca7-6f46107d6e02";

  @TempDir Path path;
  ConfigDir dir;

  @BeforeEach
  void setUp() {
    dir = new ConfigDir(path);
  }

  private ConfigDir scalingo() {
    return dir.env("PROVIDER_NAME", "scalingo").env("PROVIDER_SCALINGO_API_TOKEN", "tk-us-x");
  }

  private ConfigDir clever() {
    return dir.env("PROVIDER_NAME", "clever-cloud")
        .env("PROVIDER_CLEVER_OAUTH_CONSUMER_KEY", "ck")
        .env("PROVIDER_CLEVER_OAUTH_CONSUMER_SECRET", "cs")
        .env("PROVIDER_CLEVER_TOKEN", "t")
        .env("PROVIDER_CLEVER_SECRET", "s");
  }

  @Test
  void heroku_dyno_metadata_names_the_own_app_and_config_check_shows_it() {
    PaastisConfig config = dir.withProvider().env("HEROKU_APP_NAME", "my-paastis").load();

    assertThat(config.providers().ownApps())
        .containsExactly(new OwnApp("heroku", "my-paastis", "HEROKU_APP_NAME"));
    assertThat(ConfigPrinter.describe(config))
        .contains("OWN_APP=heroku:my-paastis (HEROKU_APP_NAME)");
  }

  @Test
  void scalingos_app_names_the_own_app_in_a_scalingo_container() {
    PaastisConfig config = scalingo().env("APP", "my-paastis").env("CONTAINER", "web-1").load();

    assertThat(config.providers().ownApps())
        .containsExactly(new OwnApp("scalingo", "my-paastis", "APP"));
  }

  @Test
  void app_alone_outside_a_scalingo_container_names_nothing() {
    PaastisConfig config = scalingo().env("APP", "my-paastis").load();

    assertThat(config.providers().ownApps()).isEmpty();
  }

  @Test
  void clever_clouds_app_id_names_the_own_app() {
    PaastisConfig config = clever().env("APP_ID", CLEVER_APP).load();

    assertThat(config.providers().ownApps())
        .containsExactly(new OwnApp("clever-cloud", CLEVER_APP, "APP_ID"));
  }

  @Test
  void an_app_id_that_is_no_clever_cloud_id_names_nothing() {
    PaastisConfig config = clever().env("APP_ID", "42").load();

    assertThat(config.providers().ownApps()).isEmpty();
  }

  @Test
  void the_variables_of_a_provider_that_does_not_run_name_nothing() {
    PaastisConfig config =
        scalingo()
            .env("HEROKU_APP_NAME", "my-paastis")
            .env("APP_ID", CLEVER_APP)
            .env("DYNO", "web.1")
            .load();

    assertThat(config.providers().ownApps()).isEmpty();
    assertThat(ConfigPrinter.describe(config)).contains("OWN_APP=");
  }

  @Test
  void a_heroku_dyno_without_dyno_metadata_is_warned_about() {
    Logger logger = (Logger) LoggerFactory.getLogger("dev.paastis.provider.heroku.HerokuConfig");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      PaastisConfig config = dir.withProvider().env("DYNO", "web.1").load();

      assertThat(config.providers().ownApps()).isEmpty();
    } finally {
      logger.detachAppender(appender);
    }
    List<String> messages = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(messages)
        .singleElement()
        .asString()
        .contains("HEROKU_APP_NAME is not set", "runtime-dyno-metadata", "REGISTRY_IGNORED_APPS");
  }
}
