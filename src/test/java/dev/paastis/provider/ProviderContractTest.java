package dev.paastis.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Provider} must do. Each implementation's test supplies the instance, set up
 * with one app that is stopped and can be started, and says how it fails.
 */
public abstract class ProviderContractTest {

  protected static final Duration PATIENCE = Duration.ofSeconds(30);

  protected Provider provider;

  /** A provider whose {@link #stoppedApp()} exists and is stopped. */
  protected abstract Provider newProvider() throws Exception;

  /** The key of an app the provider knows, stopped, that starts within {@link #PATIENCE}. */
  protected abstract String stoppedApp();

  /** A formation the app can run with; the provider must report it back once running. */
  protected abstract Formation formation();

  /** Makes the next operations on {@link #stoppedApp()} fail (refused or unreachable). */
  protected abstract void breakTheProvider() throws Exception;

  protected void cleanUp() throws Exception {}

  @BeforeEach
  void setUpProvider() throws Exception {
    provider = newProvider();
  }

  @AfterEach
  void tearDownProvider() throws Exception {
    if (provider != null) {
      result(provider.close());
    }
    cleanUp();
  }

  protected static <T> T result(Future<T> future) throws Exception {
    return future
        .toCompletionStage()
        .toCompletableFuture()
        .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
  }

  private AppState stateOf(String key) throws Exception {
    return result(provider.status(key)).state();
  }

  @Test
  void lists_its_apps_with_key_provider_and_upstream() throws Exception {
    assertThat(result(provider.list()))
        .filteredOn(app -> app.key().equals(stoppedApp()))
        .singleElement()
        .satisfies(
            app -> {
              assertThat(app.provider()).isEqualTo(provider.name());
              assertThat(app.state()).isEqualTo(AppState.STOPPED);
              assertThat(app.upstream()).isPresent();
            });
  }

  @Test
  void a_stopped_app_starts_reaches_running_with_its_formation_and_stops_again() throws Exception {
    assertThat(stateOf(stoppedApp())).isEqualTo(AppState.STOPPED);

    result(provider.start(stoppedApp(), formation()));
    await().atMost(PATIENCE).until(() -> stateOf(stoppedApp()) == AppState.RUNNING);
    ProviderApp running = result(provider.status(stoppedApp()));
    assertThat(running.formation()).isEqualTo(formation());

    result(provider.stop(stoppedApp()));
    await().atMost(PATIENCE).until(() -> stateOf(stoppedApp()) == AppState.STOPPED);
    assertThat(result(provider.status(stoppedApp())).formation().total()).isZero();
  }

  @Test
  void stop_then_start_restores_the_formation_it_is_given() throws Exception {
    result(provider.start(stoppedApp(), formation()));
    await().atMost(PATIENCE).until(() -> stateOf(stoppedApp()) == AppState.RUNNING);
    Formation before = result(provider.status(stoppedApp())).formation();

    result(provider.stop(stoppedApp()));
    result(provider.start(stoppedApp(), before));
    await().atMost(PATIENCE).until(() -> stateOf(stoppedApp()) == AppState.RUNNING);

    assertThat(result(provider.status(stoppedApp())).formation()).isEqualTo(before);
  }

  @Test
  void stopping_a_stopped_app_succeeds() throws Exception {
    result(provider.stop(stoppedApp()));
    result(provider.stop(stoppedApp()));

    assertThat(stateOf(stoppedApp())).isEqualTo(AppState.STOPPED);
  }

  @Test
  void an_unknown_app_is_reported_as_such_by_every_operation() {
    String ghost = "no-such-app-" + System.nanoTime();

    assertThatThrownBy(() -> result(provider.status(ghost)))
        .hasCauseInstanceOf(UnknownAppException.class);
    assertThatThrownBy(() -> result(provider.start(ghost, Formation.DEFAULT)))
        .hasCauseInstanceOf(UnknownAppException.class);
    assertThatThrownBy(() -> result(provider.stop(ghost)))
        .hasCauseInstanceOf(UnknownAppException.class);
  }

  @Test
  void a_failing_provider_fails_with_a_provider_exception_naming_itself() throws Exception {
    breakTheProvider();

    assertThatThrownBy(() -> result(provider.start(stoppedApp(), formation())))
        .hasCauseInstanceOf(ProviderException.class)
        .satisfies(
            thrown ->
                assertThat(((ProviderException) thrown.getCause()).provider())
                    .isEqualTo(provider.name()));
  }

  @Test
  void it_has_a_name_and_a_positive_operation_timeout() {
    assertThat(provider.name()).isNotBlank();
    assertThat(provider.operationTimeout()).isPositive();
  }
}
