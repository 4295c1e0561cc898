package dev.paastis.provider.clevercloud;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The user, organisations, apps, instances and deployments of the fake Clever Cloud account. Every
 * method locks the instance, so the test thread and the event loop see one consistent world;
 * callers that read several values at once (the routes rendering JSON) hold the lock themselves.
 *
 * <p>A start (redeploy) prepends a {@code WIP} DEPLOY deployment and adds {@code DEPLOYING}
 * instances; a stopped app turns {@code WANTS_TO_BE_UP}. After the deploy delay the deployment is
 * {@code OK}, its instances {@code UP}, older instances gone and the app {@code SHOULD_BE_UP}; or,
 * when a failure was armed, {@code FAIL}, its instances gone, older ones kept and the app state
 * unchanged. A {@code homogeneous} app loses its old instances when the deploy begins (a restart
 * with downtime), another keeps them until the new ones are up. A start or a stop while a
 * deployment is {@code WIP} turns that one {@code CANCELLED}.
 */
final class FakeCleverState {

  static final String SHOULD_BE_UP = "SHOULD_BE_UP";
  static final String SHOULD_BE_DOWN = "SHOULD_BE_DOWN";
  static final String WANTS_TO_BE_UP = "WANTS_TO_BE_UP";
  static final String MODERATED = "MODERATED";
  static final String DEFAULT_OF_PAYMENT = "DEFAULT_OF_PAYMENT";

  static final class Owner {
    final String id;
    final String name;
    final Map<String, App> apps = new LinkedHashMap<>();

    Owner(String id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  static final class App {
    final String uuid = UUID.randomUUID().toString();
    final String id = "app_" + uuid;
    final String ownerId;
    final String name;
    final String zone;
    final List<String> vhosts;
    final long creationDate = System.currentTimeMillis();
    final String commit = sha();
    final int minInstances = 1;
    final int maxInstances = 1;
    String state;
    boolean homogeneous;
    boolean failNextDeploy;
    int deployCounter;
    final List<Instance> instances = new ArrayList<>();
    final LinkedList<Deployment> deployments = new LinkedList<>();

    App(String ownerId, String name, String zone, List<String> vhosts) {
      this.ownerId = ownerId;
      this.name = name;
      this.zone = zone;
      this.vhosts =
          vhosts.isEmpty() ? List.of("app-" + uuid + ".cleverapps.io") : List.copyOf(vhosts);
    }

    Deployment deployment(String uuidOrId) {
      for (Deployment deployment : deployments) {
        if (deployment.uuid.equals(uuidOrId) || String.valueOf(deployment.id).equals(uuidOrId)) {
          return deployment;
        }
      }
      return null;
    }
  }

  static final class Instance {
    final String id = UUID.randomUUID().toString();
    final String ip;
    final int instanceNumber;
    final Deployment deployment;
    final long creationDate = System.currentTimeMillis();
    String state;

    Instance(int instanceNumber, Deployment deployment, String state) {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      this.ip = "10.2." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
      this.instanceNumber = instanceNumber;
      this.deployment = deployment;
      this.state = state;
    }
  }

  static final class Deployment {
    final int id;
    final String uuid = "deployment_" + UUID.randomUUID();
    final long date = System.currentTimeMillis();
    final String action;
    final String commit;
    final String cause;
    final int instances;
    String state;

    Deployment(int id, String action, String state, String commit, String cause, int instances) {
      this.id = id;
      this.action = action;
      this.state = state;
      this.commit = commit;
      this.cause = cause;
      this.instances = instances;
    }
  }

  private final Vertx vertx;
  private final Owner user;
  private final Map<String, Owner> owners = new LinkedHashMap<>();
  private Duration deployDelay = Duration.ofMillis(300);

  /** Told of every change the router sees (instances), under this lock. */
  private Runnable onChange = () -> {};

  FakeCleverState(Vertx vertx) {
    this.vertx = vertx;
    this.user = new Owner("user_" + UUID.randomUUID(), "Paastis Tester");
    owners.put(user.id, user);
  }

  static String sha() {
    StringBuilder sha = new StringBuilder();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 40; i++) {
      sha.append(Character.forDigit(random.nextInt(16), 16));
    }
    return sha.toString();
  }

  synchronized Owner user() {
    return user;
  }

  /** The organisations, without the personal space, in creation order. */
  synchronized List<Owner> organisations() {
    return owners.values().stream().filter(owner -> owner != user).toList();
  }

  /** The user or organisation with this id, or null. */
  synchronized Owner owner(String id) {
    return owners.get(id);
  }

  synchronized String addOrganisation(String name) {
    Owner organisation = new Owner("orga_" + UUID.randomUUID(), name);
    owners.put(organisation.id, organisation);
    return organisation.id;
  }

  synchronized String addApp(
      String ownerId, String name, String zone, List<String> vhosts, boolean running) {
    Owner owner = owners.get(ownerId);
    if (owner == null) {
      throw new IllegalArgumentException("no such owner: " + ownerId);
    }
    App app = new App(ownerId, name, zone, vhosts);
    Deployment deploy =
        new Deployment(++app.deployCounter, "DEPLOY", "OK", app.commit, "git push", 1);
    app.deployments.addFirst(deploy);
    if (running) {
      app.state = SHOULD_BE_UP;
      for (int number = 0; number < app.minInstances; number++) {
        app.instances.add(new Instance(number, deploy, "UP"));
      }
    } else {
      app.state = SHOULD_BE_DOWN;
      app.deployments.addFirst(
          new Deployment(++app.deployCounter, "UNDEPLOY", "OK", app.commit, "stop", 0));
    }
    owner.apps.put(app.id, app);
    return app.id;
  }

  /** The app with this id when it belongs to this owner, else null. */
  synchronized App find(String ownerId, String appId) {
    Owner owner = owners.get(ownerId);
    return owner == null ? null : owner.apps.get(appId);
  }

  synchronized App existing(String appId) {
    for (Owner owner : owners.values()) {
      App app = owner.apps.get(appId);
      if (app != null) {
        return app;
      }
    }
    throw new IllegalArgumentException("no such app: " + appId);
  }

  synchronized void setDeployDelay(Duration delay) {
    deployDelay = delay;
  }

  synchronized void onChange(Runnable listener) {
    onChange = listener;
  }

  synchronized String stateOf(String appId) {
    return existing(appId).state;
  }

  synchronized void setState(String appId, String state) {
    existing(appId).state = state;
  }

  synchronized void setHomogeneous(String appId, boolean homogeneous) {
    existing(appId).homogeneous = homogeneous;
  }

  synchronized List<String> instanceStates(String appId) {
    return existing(appId).instances.stream().map(instance -> instance.state).toList();
  }

  synchronized void failNextDeploy(String appId) {
    existing(appId).failNextDeploy = true;
  }

  /** Starts a redeploy (see the class comment) and returns its deployment. */
  synchronized Deployment deploy(App app) {
    cancelRunningDeployment(app);
    if (app.state.equals(SHOULD_BE_DOWN)) {
      app.state = WANTS_TO_BE_UP;
    }
    if (app.homogeneous) {
      app.instances.clear();
    }
    Deployment deployment =
        new Deployment(++app.deployCounter, "DEPLOY", "WIP", app.commit, "api", app.minInstances);
    app.deployments.addFirst(deployment);
    for (int number = 0; number < app.minInstances; number++) {
      app.instances.add(new Instance(number, deployment, "DEPLOYING"));
    }
    boolean failure = app.failNextDeploy;
    app.failNextDeploy = false;
    vertx.setTimer(Math.max(1, deployDelay.toMillis()), id -> finish(app, deployment, failure));
    onChange.run();
    return deployment;
  }

  /** Stops the app: no instance, {@code SHOULD_BE_DOWN}, an UNDEPLOY deployment {@code OK}. */
  synchronized Deployment undeploy(App app) {
    cancelRunningDeployment(app);
    app.instances.clear();
    app.state = SHOULD_BE_DOWN;
    Deployment deployment =
        new Deployment(++app.deployCounter, "UNDEPLOY", "OK", app.commit, "api", 0);
    app.deployments.addFirst(deployment);
    onChange.run();
    return deployment;
  }

  private static void cancelRunningDeployment(App app) {
    for (Deployment deployment : app.deployments) {
      if (deployment.state.equals("WIP")) {
        deployment.state = "CANCELLED";
        app.instances.removeIf(instance -> instance.deployment == deployment);
      }
    }
  }

  private synchronized void finish(App app, Deployment deployment, boolean failure) {
    if (!deployment.state.equals("WIP")) {
      return;
    }
    if (failure) {
      deployment.state = "FAIL";
      app.instances.removeIf(instance -> instance.deployment == deployment);
      onChange.run();
      return;
    }
    deployment.state = "OK";
    app.instances.removeIf(instance -> instance.deployment != deployment);
    app.instances.forEach(instance -> instance.state = "UP");
    if (app.state.equals(WANTS_TO_BE_UP)) {
      app.state = SHOULD_BE_UP;
    }
    onChange.run();
  }
}
