package dev.paastis.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.events.Event;
import dev.paastis.events.EventQuery;
import dev.paastis.events.EventStore;
import dev.paastis.events.EventType;
import dev.paastis.internal.events.memory.InMemoryEventStore;
import dev.paastis.internal.lifecycle.Metrics;
import dev.paastis.internal.registry.memory.InMemoryRegistry;
import dev.paastis.registry.ManagedApp;
import dev.paastis.registry.Registry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Registry and event-store failures are counted by operation; results pass through unchanged. */
class MeteredStoresTest {

  private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
  private static final ManagedApp SHOP =
      ManagedApp.registered("shop", "fake", Optional.empty(), Duration.ofMinutes(15), NOW);
  private static final Event STOPPED =
      new Event(EventType.APP_STOPPED, "shop", "fake", NOW, Map.of());

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final Metrics metrics = new MicrometerMetrics(meters);

  /** Every method of the interface answers with a failed future, as a store that is down does. */
  @SuppressWarnings("unchecked")
  private static <T> T down(Class<T> type) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> Future.failedFuture(new IllegalStateException("down")));
  }

  private double errors(String meter, String operation) {
    Counter counter = meters.find(meter).tag("operation", operation).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void each_failed_registry_operation_is_counted_under_its_name() {
    Registry registry = new MeteredRegistry(down(Registry.class), metrics);

    assertThatThrownBy(() -> registry.get("shop").await()).hasMessage("down");
    registry.all();
    registry.put(SHOP);
    registry.touch("shop", NOW);
    registry.touch("shop", NOW);
    registry.remove("shop");

    assertThat(errors("paastis.registry.errors", "get")).isEqualTo(1);
    assertThat(errors("paastis.registry.errors", "all")).isEqualTo(1);
    assertThat(errors("paastis.registry.errors", "put")).isEqualTo(1);
    assertThat(errors("paastis.registry.errors", "touch")).isEqualTo(2);
    assertThat(errors("paastis.registry.errors", "remove")).isEqualTo(1);
  }

  @Test
  void a_working_registry_counts_nothing_and_answers_as_before() {
    Registry registry = new MeteredRegistry(new InMemoryRegistry(), metrics);

    registry.put(SHOP).await();

    assertThat(registry.get("shop").await()).contains(SHOP);
    assertThat(registry.remove("shop").await()).isTrue();
    assertThat(meters.find("paastis.registry.errors").counters()).isEmpty();
  }

  @Test
  void each_failed_event_store_operation_is_counted_under_its_name() {
    EventStore store = new MeteredEventStore(down(EventStore.class), metrics);

    assertThatThrownBy(() -> store.append(STOPPED).await()).hasMessage("down");
    store.find(EventQuery.recent(10));
    store.recent(10);

    assertThat(errors("paastis.event.store.errors", "append")).isEqualTo(1);
    assertThat(errors("paastis.event.store.errors", "find")).isEqualTo(2);
  }

  @Test
  void a_working_event_store_counts_nothing_and_answers_as_before() {
    EventStore store = new MeteredEventStore(new InMemoryEventStore(10), metrics);

    store.append(STOPPED).await();

    assertThat(store.recent(10).await()).containsExactly(STOPPED);
    assertThat(meters.find("paastis.event.store.errors").counters()).isEmpty();
  }
}
