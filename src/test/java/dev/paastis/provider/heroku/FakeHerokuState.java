package dev.paastis.provider.heroku;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The apps, formations and dynos of the fake Heroku account. Every method locks the instance, so
 * the test thread and the event loop see one consistent world; callers that read several values at
 * once (the routes rendering JSON) hold the lock themselves.
 */
final class FakeHerokuState {

  static final String DEFAULT_SIZE = "Standard-1X";

  static final class App {
    final String id = UUID.randomUUID().toString();
    final String name;
    final String region;
    final String webUrl;
    final Instant createdAt = now();
    Instant updatedAt = createdAt;
    boolean maintenance;
    final Map<String, Formation> formation = new TreeMap<>();
    final List<Dyno> dynos = new ArrayList<>();

    App(String name, String region, String webUrl) {
      this.name = name;
      this.region = region;
      this.webUrl = webUrl;
    }
  }

  static final class Formation {
    final String id = UUID.randomUUID().toString();
    final String type;
    final Instant createdAt = now();
    Instant updatedAt = createdAt;
    int quantity;
    String size = DEFAULT_SIZE;

    Formation(String type) {
      this.type = type;
    }
  }

  static final class Dyno {
    final String id = UUID.randomUUID().toString();
    final String type;
    final int index;
    final String size;
    final Instant createdAt = now();
    Instant updatedAt = createdAt;
    String state;

    Dyno(String type, int index, String size, String state) {
      this.type = type;
      this.index = index;
      this.size = size;
      this.state = state;
    }

    String name() {
      return type + "." + index;
    }
  }

  private final Vertx vertx;
  private final Map<String, App> appsByName = new TreeMap<>();
  private Duration bootDelay = Duration.ofMillis(200);

  /** Told of every change the router sees (dynos, maintenance), under this lock. */
  private Runnable onChange = () -> {};

  FakeHerokuState(Vertx vertx) {
    this.vertx = vertx;
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  synchronized void setBootDelay(Duration delay) {
    bootDelay = delay;
  }

  synchronized void onChange(Runnable listener) {
    onChange = listener;
  }

  synchronized String addApp(
      String name, String region, String webUrl, Map<String, Integer> formation) {
    if (appsByName.containsKey(name)) {
      throw new IllegalArgumentException("app already exists: " + name);
    }
    App app = new App(name, region, webUrl);
    appsByName.put(name, app);
    formation.forEach(
        (type, quantity) -> {
          app.formation.put(type, new Formation(type));
          scale(app, type, quantity, "up");
        });
    return app.id;
  }

  synchronized boolean removeApp(String idOrName) {
    App app = find(idOrName);
    return app != null && appsByName.remove(app.name) != null;
  }

  synchronized int appCount() {
    return appsByName.size();
  }

  /** The app with this id or name, or null. */
  synchronized App find(String idOrName) {
    App byName = appsByName.get(idOrName);
    if (byName != null) {
      return byName;
    }
    return appsByName.values().stream()
        .filter(app -> app.id.equals(idOrName))
        .findFirst()
        .orElse(null);
  }

  synchronized List<App> apps() {
    return List.copyOf(appsByName.values());
  }

  synchronized App existing(String idOrName) {
    App app = find(idOrName);
    if (app == null) {
      throw new IllegalArgumentException("no such app: " + idOrName);
    }
    return app;
  }

  synchronized Map<String, Integer> formationOf(String idOrName) {
    Map<String, Integer> quantities = new LinkedHashMap<>();
    existing(idOrName).formation.forEach((type, entry) -> quantities.put(type, entry.quantity));
    return quantities;
  }

  synchronized Map<String, String> dynoStates(String idOrName) {
    Map<String, String> states = new TreeMap<>();
    existing(idOrName).dynos.forEach(dyno -> states.put(dyno.name(), dyno.state));
    return states;
  }

  synchronized void crash(String idOrName, String type) {
    for (Dyno dyno : existing(idOrName).dynos) {
      if (dyno.type.equals(type)) {
        changeState(dyno, "crashed");
      }
    }
    onChange.run();
  }

  synchronized void setMaintenance(String idOrName, boolean maintenance) {
    App app = existing(idOrName);
    app.maintenance = maintenance;
    app.updatedAt = now();
    onChange.run();
  }

  /**
   * Sets a type's quantity the way the platform reacts: dynos above the new quantity are removed at
   * once, missing ones are created {@code starting} and turn {@code up} after the boot delay. Dynos
   * that stay (even crashed ones) are left alone.
   */
  synchronized void scale(App app, String type, int quantity) {
    scale(app, type, quantity, "starting");
    onChange.run();
  }

  private void scale(App app, String type, int quantity, String newDynoState) {
    Formation entry = app.formation.get(type);
    entry.quantity = quantity;
    entry.updatedAt = now();
    app.dynos.removeIf(dyno -> dyno.type.equals(type) && dyno.index > quantity);
    int present = (int) app.dynos.stream().filter(dyno -> dyno.type.equals(type)).count();
    for (int index = present + 1; index <= quantity; index++) {
      Dyno dyno = new Dyno(type, index, entry.size, newDynoState);
      app.dynos.add(dyno);
      if (newDynoState.equals("starting")) {
        vertx.setTimer(Math.max(1, bootDelay.toMillis()), id -> bootCompleted(dyno));
      }
    }
    app.dynos.sort(Comparator.comparing((Dyno dyno) -> dyno.type).thenComparing(d -> d.index));
  }

  private synchronized void bootCompleted(Dyno dyno) {
    if (dyno.state.equals("starting")) {
      changeState(dyno, "up");
      onChange.run();
    }
  }

  private static void changeState(Dyno dyno, String state) {
    dyno.state = state;
    dyno.updatedAt = now();
  }
}
