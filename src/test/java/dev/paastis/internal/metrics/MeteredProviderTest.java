package dev.paastis.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.app.Formation;
import dev.paastis.provider.CallBudget;
import dev.paastis.provider.Provider;
import dev.paastis.provider.ProviderException;
import dev.paastis.provider.Providers;
import dev.paastis.provider.UnknownAppException;
import dev.paastis.testing.FakeProvider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MeteredProviderTest {

  private final Vertx vertx = Vertx.vertx();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final FakeProvider fake =
      new FakeProvider(vertx, "fake", Duration.ofSeconds(5))
          .withStoppedApp("shop", URI.create("http://127.0.0.1:1"));
  private final Provider metered = new MeteredProvider(fake, new MicrometerMetrics(meters));

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  private double calls(String operation, String outcome) {
    Counter counter =
        meters
            .find("paastis.provider.calls")
            .tags("provider", "fake", "operation", operation, "outcome", outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void each_operation_is_counted_under_its_name_and_provider() {
    metered.list().await();
    metered.status("shop").await();
    metered.start("shop", Formation.DEFAULT).await();
    metered.stop("shop").await();
    metered.stop("shop").await();

    assertThat(calls("list", "success")).isEqualTo(1);
    assertThat(calls("status", "success")).isEqualTo(1);
    assertThat(calls("start", "success")).isEqualTo(1);
    assertThat(calls("stop", "success")).isEqualTo(2);
    assertThat(meters.find("paastis.provider.calls").tag("outcome", "error").counters()).isEmpty();
  }

  @Test
  void a_failed_call_is_counted_as_an_error_and_its_failure_passes_through() {
    fake.setBroken(true);

    assertThatThrownBy(() -> metered.start("shop", Formation.DEFAULT).await())
        .isInstanceOf(ProviderException.class);

    assertThat(calls("start", "error")).isEqualTo(1);
    assertThat(calls("start", "success")).isZero();
  }

  @Test
  void an_app_the_provider_does_not_know_is_an_answer_not_an_error() {
    assertThatThrownBy(() -> metered.status("ghost").await())
        .isInstanceOf(UnknownAppException.class);

    assertThat(calls("status", "success")).isEqualTo(1);
    assertThat(calls("status", "error")).isZero();
  }

  @Test
  void wrapping_keeps_every_provider_its_name_and_order() {
    FakeProvider other = new FakeProvider(vertx, "other", Duration.ofSeconds(5));

    Providers wrapped =
        MeteredProvider.wrap(new Providers(List.of(fake, other)), NoopMetrics.INSTANCE);

    assertThat(wrapped.names()).containsExactly("fake", "other");
    assertThat(wrapped.all()).allMatch(MeteredProvider.class::isInstance);
    assertThat(wrapped.byName("other").orElseThrow().operationTimeout())
        .isEqualTo(Duration.ofSeconds(5));
  }

  /** A fake provider whose calls are rationed, its budget set by the test. */
  private static final class RationedProvider extends FakeProvider implements CallBudget {

    private boolean spare;

    RationedProvider(Vertx vertx) {
      super(vertx, "rationed", Duration.ofSeconds(5));
    }

    @Override
    public boolean hasCallsToSpare() {
      return spare;
    }
  }

  @Test
  void the_call_budget_of_the_wrapped_provider_is_passed_on_and_none_means_calls_to_spare() {
    RationedProvider rationed = new RationedProvider(vertx);
    CallBudget wrapped = new MeteredProvider(rationed, new MicrometerMetrics(meters));

    assertThat(wrapped.hasCallsToSpare()).isFalse();
    rationed.spare = true;
    assertThat(wrapped.hasCallsToSpare()).isTrue();
    assertThat(((CallBudget) metered).hasCallsToSpare()).isTrue();
  }
}
