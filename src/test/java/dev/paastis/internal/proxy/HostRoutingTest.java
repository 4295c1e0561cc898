package dev.paastis.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HostRoutingTest {

  @ParameterizedTest(name = "Host {0} names app {1}")
  @CsvSource({
    "my-app.proxy.example.com, my-app",
    "my-app.proxy.example.com:3000, my-app",
    "My-App.Proxy.Example.com, my-app",
    "localhost:3000, localhost",
    "hello.localhost, hello",
  })
  void the_first_label_of_the_host_names_the_app(String host, String app) {
    assertThat(HostRouting.appKey(host)).contains(app);
  }

  @ParameterizedTest(name = "Host [{0}] names no app")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "[::1]:3000",
        ".example.com",
        "my app.example.com",
        "a\tb:3000",
        "shop\u0000.example.com"
      })
  void a_missing_or_unusable_host_names_no_app(String host) {
    assertThat(HostRouting.appKey(host)).isEmpty();
  }
}
