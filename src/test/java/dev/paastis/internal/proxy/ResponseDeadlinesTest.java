package dev.paastis.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResponseDeadlinesTest {

  private final Vertx vertx = Vertx.vertx();
  private final List<String> expired = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private final class Named extends ResponseDeadlines.Waiting {
    private final String name;

    Named(String name) {
      this.name = name;
    }

    @Override
    void expire() {
      expired.add(name);
    }
  }

  @Test
  void what_waits_past_its_deadline_expires_once_in_arrival_order_and_what_was_answered_never()
      throws Exception {
    List<Named> waiting = List.of(new Named("a"), new Named("b"), new Named("c"), new Named("d"));
    vertx
        .getOrCreateContext()
        .runOnContext(
            nothing -> {
              ResponseDeadlines deadlines = new ResponseDeadlines(vertx, Duration.ofMillis(200));
              waiting.forEach(deadlines::add);
              deadlines.remove(waiting.get(1)); // answered
              deadlines.remove(waiting.get(3)); // answered, the last one
              deadlines.remove(waiting.get(3)); // twice: nothing more happens
              deadlines.add(waiting.get(0)); // already waiting: keeps its deadline
            });

    await().atMost(Duration.ofSeconds(10)).until(() -> expired.size() == 2);
    Thread.sleep(500); // a few more sweeps: nothing expires twice
    assertThat(expired).containsExactly("a", "c");
  }
}
