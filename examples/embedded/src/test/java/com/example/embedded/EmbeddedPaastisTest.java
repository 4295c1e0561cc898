package com.example.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.paastis.Paastis;
import dev.paastis.config.ConfigException;
import dev.paastis.events.Event;
import dev.paastis.events.EventType;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The program as a user runs it: Paastis in-process, its plugin found on the class path. */
class EmbeddedPaastisTest {

  private final Vertx client = Vertx.vertx();
  private Paastis paastis;

  @AfterEach
  void stop() {
    if (paastis != null) {
      paastis.stop().await();
    }
    client.close().await();
  }

  @Test
  void a_request_wakes_the_sleeping_app_and_gets_its_answer() throws Exception {
    int hello = InProcessProviderContractTest.freePort();
    paastis =
        EmbeddedPaastis.start(
            Map.of(
                "HOST",
                "127.0.0.1",
                "PORT",
                "0",
                InProcessPlugin.APPS,
                "hello=" + hello + ",world=" + InProcessProviderContractTest.freePort()));
    List<Event> events = new CopyOnWriteArrayList<>();
    paastis.onEvent(events::add);

    HttpClient http = client.createHttpClient();
    String body =
        http.request(
                new RequestOptions()
                    .setMethod(HttpMethod.GET)
                    .setHost("127.0.0.1")
                    .setPort(paastis.port())
                    .setURI("/greeting?lang=fr")
                    .putHeader("host", "hello.localhost"))
            .compose(request -> request.send())
            .compose(response -> response.body())
            .await()
            .toString();

    assertThat(body).isEqualTo("Hello from hello: GET /greeting?lang=fr\n");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(events)
                    .extracting(Event::type, Event::app)
                    .contains(org.assertj.core.groups.Tuple.tuple(EventType.APP_STARTED, "hello")));
  }

  @Test
  void a_bad_entry_in_the_plugins_variable_stops_paastis_naming_it() {
    assertThatThrownBy(
            () ->
                EmbeddedPaastis.start(
                    Map.of("HOST", "127.0.0.1", "PORT", "0", InProcessPlugin.APPS, "hello")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("the provider plugin in-process")
        .hasMessageContaining("PROVIDER_IN_PROCESS_APPS has hello: expected name=port entries");
  }
}
