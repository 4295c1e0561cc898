package dev.paastis.provider.scalingo;

import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The regions, apps, formations, containers and operations of the fake Scalingo account. Every
 * method locks the instance, so the test thread and the event loop see one consistent world;
 * callers that read several values at once (the routes rendering JSON) hold the lock themselves.
 *
 * <p>A scale changes the formation at once (the answer carries it) and starts an operation: new
 * containers are {@code booting} and removed ones {@code stopping} until the operation is {@code
 * done}, then the app is {@code running} or {@code stopped}. An armed failure ends the operation
 * {@code error} and the app {@code crashed}.
 */
final class FakeScalingoState {

  static final String DEFAULT_SIZE = "M";

  /** Container sizes of the platform, name to memory in bytes (Scalingo's S to 2XL). */
  static final Map<String, Long> SIZES =
      Map.of(
          "S", 256L << 20,
          "M", 512L << 20,
          "L", 1024L << 20,
          "XL", 2048L << 20,
          "2XL", 4096L << 20);

  /** The platform's hard limit of containers per type (PROVIDERS.md §2, Pitfalls). */
  static final int MAX_AMOUNT = 10;

  private static final SecureRandom RANDOM = new SecureRandom();

  static final class App {
    final String id = objectId();
    final String deploymentId = objectId();
    final String name;
    final String region;
    final String url;
    final Instant createdAt = now();
    Instant updatedAt = createdAt;
    String status;
    String failNextOperation;
    final Map<String, Formation> formation = new TreeMap<>();
    final List<Container> containers = new ArrayList<>();
    final Map<String, Operation> operations = new LinkedHashMap<>();

    App(String name, String region, String url) {
      this.name = name;
      this.region = region;
      this.url = url;
    }

    boolean deployed() {
      return !status.equals("new");
    }

    Operation runningOperation() {
      return operations.values().stream()
          .filter(op -> op.status.equals("pending") || op.status.equals("running"))
          .findFirst()
          .orElse(null);
    }
  }

  static final class Formation {
    final String id = objectId();
    final String name;
    int amount;
    String size = DEFAULT_SIZE;

    Formation(String name) {
      this.name = name;
    }
  }

  static final class Container {
    final String id = objectId();
    final String type;
    final int typeIndex;
    final String size;
    final Instant createdAt = now();
    String state;

    Container(String type, int typeIndex, String size, String state) {
      this.type = type;
      this.typeIndex = typeIndex;
      this.size = size;
      this.state = state;
    }
  }

  static final class Operation {
    final String id = objectId();
    final String appId;
    final String type;
    final Instant createdAt = now();
    Instant finishedAt;
    String status = "pending";
    String error;

    Operation(String appId, String type) {
      this.appId = appId;
      this.type = type;
    }
  }

  /** A requested change of one container type: amount and size may each be null (unchanged). */
  record Change(String name, Integer amount, String size) {}

  private final Vertx vertx;
  private final Map<String, Map<String, App>> regions = new LinkedHashMap<>();
  private Duration operationDelay = Duration.ofMillis(300);

  /** Told of every change the router sees (containers), under this lock. */
  private Runnable onChange = () -> {};

  FakeScalingoState(Vertx vertx, List<String> regionNames) {
    this.vertx = vertx;
    regionNames.forEach(region -> regions.put(region, new TreeMap<>()));
  }

  /** A 24-hex-digit id, the shape of Scalingo's (MongoDB) ids. */
  static String objectId() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  synchronized List<String> regions() {
    return List.copyOf(regions.keySet());
  }

  synchronized boolean hasRegion(String region) {
    return regions.containsKey(region);
  }

  synchronized void setOperationDelay(Duration delay) {
    operationDelay = delay;
  }

  synchronized void onChange(Runnable listener) {
    onChange = listener;
  }

  synchronized String addApp(
      String region, String name, String url, Map<String, Integer> formation, boolean deployed) {
    Map<String, App> apps = region(region);
    if (apps.containsKey(name)) {
      throw new IllegalArgumentException("app already exists in " + region + ": " + name);
    }
    App app = new App(name, region, url);
    formation.forEach(
        (type, amount) -> {
          Formation entry = new Formation(type);
          entry.amount = amount;
          app.formation.put(type, entry);
          if (deployed) {
            for (int index = 1; index <= amount; index++) {
              app.containers.add(new Container(type, index, entry.size, "running"));
            }
          }
        });
    app.status = deployed ? settledStatus(app) : "new";
    apps.put(name, app);
    return app.id;
  }

  /** The app with this name or id in this region, or null. */
  synchronized App find(String region, String nameOrId) {
    Map<String, App> apps = regions.get(region);
    if (apps == null) {
      return null;
    }
    App byName = apps.get(nameOrId);
    if (byName != null) {
      return byName;
    }
    return apps.values().stream().filter(app -> app.id.equals(nameOrId)).findFirst().orElse(null);
  }

  synchronized List<App> apps(String region) {
    return List.copyOf(region(region).values());
  }

  synchronized App existing(String region, String nameOrId) {
    region(region);
    App app = find(region, nameOrId);
    if (app == null) {
      throw new IllegalArgumentException("no such app in " + region + ": " + nameOrId);
    }
    return app;
  }

  synchronized Map<String, Integer> formationOf(String region, String app) {
    Map<String, Integer> amounts = new LinkedHashMap<>();
    existing(region, app).formation.forEach((type, entry) -> amounts.put(type, entry.amount));
    return amounts;
  }

  synchronized String statusOf(String region, String app) {
    return existing(region, app).status;
  }

  synchronized void crash(String region, String nameOrId) {
    App app = existing(region, nameOrId);
    app.status = "crashed";
    app.updatedAt = now();
    app.containers.forEach(container -> container.state = "crashed");
    onChange.run();
  }

  synchronized void failNextOperation(String region, String app, String error) {
    existing(region, app).failNextOperation = error;
  }

  /** Throws with the 422 field and message when a change names no known type or size. */
  static void validate(App app, List<Change> changes) {
    for (Change change : changes) {
      if (!app.formation.containsKey(change.name())) {
        throw new InvalidField("containers", "container type " + change.name() + " does not exist");
      }
      if (change.amount() != null && (change.amount() < 0 || change.amount() > MAX_AMOUNT)) {
        throw new InvalidField("amount", "must be between 0 and " + MAX_AMOUNT);
      }
      if (change.size() != null && !SIZES.containsKey(change.size())) {
        throw new InvalidField("size", "size " + change.size() + " does not exist");
      }
    }
  }

  /**
   * Applies validated changes to the formation and, for a deployed app, starts a scale operation
   * and returns it; a never-deployed app has no operation (null).
   */
  synchronized Operation scale(App app, List<Change> changes) {
    for (Change change : changes) {
      Formation entry = app.formation.get(change.name());
      if (change.amount() != null) {
        entry.amount = change.amount();
      }
      if (change.size() != null) {
        entry.size = change.size();
      }
    }
    app.updatedAt = now();
    if (!app.deployed()) {
      return null;
    }
    for (Formation entry : app.formation.values()) {
      int present = 0;
      for (Container container : app.containers) {
        if (container.type.equals(entry.name)) {
          if (container.typeIndex > entry.amount) {
            container.state = "stopping";
          } else {
            present++;
          }
        }
      }
      for (int index = present + 1; index <= entry.amount; index++) {
        app.containers.add(new Container(entry.name, index, entry.size, "booting"));
      }
    }
    app.containers.sort(
        Comparator.comparing((Container container) -> container.type)
            .thenComparing(container -> container.typeIndex));
    app.status = "scaling";
    Operation operation = new Operation(app.id, "scale");
    app.operations.put(operation.id, operation);
    String failure = app.failNextOperation;
    app.failNextOperation = null;
    long delay = Math.max(2, operationDelay.toMillis());
    vertx.setTimer(delay / 2, id -> progress(operation));
    vertx.setTimer(delay, id -> finish(app, operation, failure));
    onChange.run();
    return operation;
  }

  private synchronized void progress(Operation operation) {
    if (operation.status.equals("pending")) {
      operation.status = "running";
    }
  }

  private synchronized void finish(App app, Operation operation, String failure) {
    operation.finishedAt = now();
    app.containers.removeIf(container -> container.state.equals("stopping"));
    app.updatedAt = now();
    if (failure != null) {
      operation.status = "error";
      operation.error = failure;
      app.status = "crashed";
      app.containers.forEach(container -> container.state = "crashed");
      onChange.run();
      return;
    }
    operation.status = "done";
    app.containers.forEach(container -> container.state = "running");
    app.status = settledStatus(app);
    onChange.run();
  }

  private static String settledStatus(App app) {
    boolean any = app.formation.values().stream().anyMatch(entry -> entry.amount > 0);
    return any ? "running" : "stopped";
  }

  private Map<String, App> region(String region) {
    Map<String, App> apps = regions.get(region);
    if (apps == null) {
      throw new IllegalArgumentException("unknown region: " + region);
    }
    return apps;
  }

  /** A 422 on one field, rendered {@code {"errors":{field:[message]}}}. */
  static final class InvalidField extends RuntimeException {
    final String field;

    InvalidField(String field, String message) {
      super(message);
      this.field = field;
    }
  }
}
