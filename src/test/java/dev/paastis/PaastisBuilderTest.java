package dev.paastis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.config.PaastisConfig;
import dev.paastis.events.Event;
import dev.paastis.events.EventPage;
import dev.paastis.events.EventQuery;
import dev.paastis.events.EventStore;
import dev.paastis.events.EventType;
import dev.paastis.internal.events.memory.InMemoryEventStore;
import dev.paastis.internal.registry.memory.InMemoryRegistry;
import dev.paastis.provider.CredentialsRejectedException;
import dev.paastis.provider.StartupCheck;
import dev.paastis.registry.ManagedApp;
import dev.paastis.registry.Registry;
import dev.paastis.testing.FakeProvider;
import dev.paastis.testing.MutableClock;
import dev.paastis.testing.TestHttp;
import dev.paastis.testing.TestUpstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paastis.builder: each part given replaces the one the configuration would make. */
class PaastisBuilderTest {

  @TempDir Path dir;
  private Vertx vertx;
  private TestUpstream upstream;
  private Paastis paastis;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    upstream = TestUpstream.start(vertx);
  }

  @AfterEach
  void tearDown() {
    if (paastis != null) {
      paastis.stop().await();
    }
    vertx.close().await();
  }

  private PaastisConfig config() {
    return ProviderChoice.configLoader(
            Map.of(
                "PROVIDER_NAME", "heroku",
                "PROVIDER_HEROKU_API_TOKEN", "unused: the builder is given its providers",
                "HOST", "127.0.0.1",
                "PORT", "0",
                "START_AND_STOP_CHECKING_INTERVAL_CRON", "0 0 1 1 *"),
            dir)
        .load(Map.of());
  }

  /** A registry that counts its writes and closes, to tell it is the one used. */
  private static final class CountingRegistry implements Registry {
    private final Registry memory = new InMemoryRegistry();
    final AtomicInteger puts = new AtomicInteger();
    final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public Future<Optional<ManagedApp>> get(String key) {
      return memory.get(key);
    }

    @Override
    public Future<List<ManagedApp>> all() {
      return memory.all();
    }

    @Override
    public Future<Void> put(ManagedApp app) {
      puts.incrementAndGet();
      return memory.put(app);
    }

    @Override
    public Future<Void> touch(String key, Instant at) {
      return memory.touch(key, at);
    }

    @Override
    public Future<Boolean> remove(String key) {
      return memory.remove(key);
    }

    @Override
    public Future<Void> close() {
      closed.set(true);
      return memory.close();
    }
  }

  /** An event store that tells whether Paastis started it. */
  private static final class StartedEventStore implements EventStore {
    private final EventStore memory = new InMemoryEventStore(100);
    final AtomicBoolean started = new AtomicBoolean();

    @Override
    public Future<Void> start() {
      started.set(true);
      return memory.start();
    }

    @Override
    public Future<Void> append(Event event) {
      return memory.append(event);
    }

    @Override
    public Future<EventPage> page(EventQuery query) {
      return memory.page(query);
    }
  }

  /** A provider whose credentials are refused at startup. */
  private static final class RejectedProvider extends FakeProvider implements StartupCheck {
    RejectedProvider(Vertx vertx) {
      super(vertx, "heroku", Duration.ofSeconds(5));
    }

    @Override
    public Future<Void> verify() {
      return Future.failedFuture(
          new CredentialsRejectedException(
              "heroku", "PROVIDER_HEROKU_API_TOKEN was rejected by Heroku (401)"));
    }
  }

  @Test
  void the_given_registry_event_store_providers_and_clock_are_the_ones_used() throws Exception {
    CountingRegistry registry = new CountingRegistry();
    StartedEventStore store = new StartedEventStore();
    MutableClock clock = new MutableClock();
    FakeProvider provider =
        new FakeProvider(vertx, "heroku", Duration.ofSeconds(5))
            .withStoppedApp("shop", upstream.uri());

    paastis =
        Paastis.builder(config())
            .vertx(vertx)
            .providers(provider)
            .registry(registry)
            .eventStore(store)
            .clock(clock)
            .build();
    int port = paastis.start().await();
    paastis.ready().await();

    assertThat(store.started).isTrue();
    assertThat(TestHttp.get(vertx.createHttpClient(), port, "shop.example.com", "/").status())
        .isEqualTo(200);
    assertThat(provider.starts).hasValue(1);
    assertThat(registry.puts.get()).isPositive();
    assertThat(registry.get("shop").await()).isPresent();
    List<Event> started = store.recent(10).await();
    assertThat(started).extracting(Event::type).contains(EventType.APP_STARTED);
    assertThat(started).extracting(Event::at).contains(clock.instant());

    paastis.stop().await();
    assertThat(registry.closed).isTrue();
    // the Vert.x given is the caller's: still usable after stop
    assertThat(vertx.executeBlocking(() -> "alive").await()).isEqualTo("alive");
  }

  @Test
  void ready_fails_as_start_does() {
    paastis = Paastis.builder(config()).vertx(vertx).providers(new RejectedProvider(vertx)).build();

    Future<Integer> started = paastis.start();

    assertThatThrownBy(started::await).hasMessageContaining("rejected");
    assertThatThrownBy(() -> paastis.ready().await()).hasMessageContaining("rejected");
  }

  @Test
  void providers_must_be_given_and_named_apart() {
    Paastis.Builder builder = Paastis.builder(config());
    assertThatThrownBy(() -> builder.providers(List.of()))
        .hasMessage("at least one provider is needed");
    FakeProvider one = new FakeProvider(vertx, "heroku", Duration.ofSeconds(5));
    FakeProvider two = new FakeProvider(vertx, "heroku", Duration.ofSeconds(5));
    assertThatThrownBy(() -> builder.vertx(vertx).providers(one, two).build())
        .hasMessage("two providers are named heroku");
  }
}
