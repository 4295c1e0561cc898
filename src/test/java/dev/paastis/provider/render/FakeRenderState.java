package dev.paastis.provider.render;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The services and deploys of the fake Render, and how suspend and resume change them. A resume
 * makes the service {@code not_suspended} at once and creates its deploy ({@code trigger:
 * service_resumed}) a quarter of the resume delay later; the deploy then goes {@code
 * build_in_progress}, {@code update_in_progress} and, at the resume delay, {@code live} (the one
 * live before turns {@code deactivated}), or fails when a failure was armed. A suspend leaves the
 * deploys as they are: Render does not say what it does to them, and a deploy still {@code live} on
 * a suspended service is the harder case for the provider. Guarded by {@code this}; {@link
 * #onChange} listeners run outside the lock.
 */
final class FakeRenderState {

  /** A web service or another type, as the fake keeps it. */
  static final class Service {
    final String id;
    final String name;
    final String ownerId;
    final String type;
    final String url;
    final Instant createdAt = Instant.now();
    Instant updatedAt = createdAt;
    boolean suspended;
    List<String> suspenders = List.of();
    final List<Deploy> deploys = new ArrayList<>(); // newest first

    /** Whether the edge sends requests to it: a deploy went live since it was last suspended. */
    boolean serving;

    /** Bumped by every suspend and resume, so that the timers of an older one do nothing. */
    long generation;

    String failNextResumeWith;

    Service(String id, String name, String ownerId, String type, String url) {
      this.id = id;
      this.name = name;
      this.ownerId = ownerId;
      this.type = type;
      this.url = url;
    }
  }

  /** One deploy of a service. */
  static final class Deploy {
    final String id;
    final String trigger;
    final Instant createdAt = Instant.now();
    Instant updatedAt = createdAt;
    Instant finishedAt;
    String status;

    Deploy(String id, String trigger, String status) {
      this.id = id;
      this.trigger = trigger;
      this.status = status;
    }
  }

  /** The statuses of a deploy that has not ended (render-oss/cli pkg/deploy IsComplete). */
  static final Set<String> UNDER_WAY =
      Set.of(
          "created", "queued", "build_in_progress", "update_in_progress", "pre_deploy_in_progress");

  private static final AtomicLong IDS = new AtomicLong(1000);

  private final Vertx vertx;
  private final List<Service> services = new ArrayList<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private Duration resumeDelay = Duration.ofMillis(400);

  FakeRenderState(Vertx vertx) {
    this.vertx = vertx;
  }

  void onChange(Runnable listener) {
    listeners.add(listener);
  }

  private void changed() {
    listeners.forEach(Runnable::run);
  }

  static String newId(String prefix) {
    return prefix + "-" + Long.toString(IDS.incrementAndGet(), 36) + "fake";
  }

  /** A service deployed once (its deploy {@code live}), suspended by its user or running. */
  synchronized Service add(
      String ownerId, String name, String type, String url, boolean suspended) {
    Service service = new Service(newId("srv"), name, ownerId, type, url);
    Deploy first = new Deploy(newId("dep"), "new_commit", "live");
    first.finishedAt = first.createdAt;
    service.deploys.add(first);
    service.suspended = suspended;
    service.suspenders = suspended ? List.of("user") : List.of();
    service.serving = !suspended;
    services.add(service);
    return service;
  }

  synchronized List<Service> all() {
    return List.copyOf(services);
  }

  synchronized Service byId(String id) {
    return services.stream().filter(s -> s.id.equals(id)).findFirst().orElse(null);
  }

  synchronized Service byName(String name) {
    return services.stream().filter(s -> s.name.equals(name)).findFirst().orElse(null);
  }

  synchronized void setResumeDelay(Duration delay) {
    resumeDelay = delay;
  }

  /** The service is suspended by these suspenders ({@code billing}, {@code admin}...). */
  void suspendBy(String name, List<String> suspenders) {
    synchronized (this) {
      Service service = byName(name);
      suspend(service);
      service.suspenders = List.copyOf(suspenders);
    }
    changed();
  }

  /** The next resume of the service ends with its deploy in this status ({@code build_failed}). */
  synchronized void failNextResume(String name, String status) {
    byName(name).failNextResumeWith = status;
  }

  /** POST suspend: idempotent; a deploy under way is canceled. */
  void suspend(String id) {
    synchronized (this) {
      suspend(byId(id));
    }
    changed();
  }

  private void suspend(Service service) {
    if (service.suspended) {
      return;
    }
    service.generation++;
    service.suspended = true;
    service.suspenders = List.of("user");
    service.serving = false;
    service.updatedAt = Instant.now();
    for (Deploy deploy : service.deploys) {
      if (UNDER_WAY.contains(deploy.status)) {
        finish(deploy, "canceled");
      }
    }
  }

  /** POST resume: does nothing to a service that is not suspended. */
  void resume(String id) {
    long generation;
    Duration delay;
    synchronized (this) {
      Service service = byId(id);
      if (!service.suspended) {
        return;
      }
      generation = ++service.generation;
      service.suspended = false;
      service.suspenders = List.of();
      service.updatedAt = Instant.now();
      delay = resumeDelay;
    }
    changed();
    String[] steps = {"created", "build_in_progress", "update_in_progress", null};
    for (int step = 0; step < steps.length; step++) {
      String status = steps[step];
      long at = Math.max(1, delay.toMillis() * (step + 1) / steps.length);
      vertx.setTimer(at, timer -> advance(id, generation, status));
    }
  }

  /** The resume under way ends now, its deploy live (created first if it was not yet). */
  void finishResume(String name) {
    synchronized (this) {
      Service service = byName(name);
      service.generation++;
      if (!UNDER_WAY.contains(service.deploys.get(0).status)) {
        service.deploys.add(0, new Deploy(newId("dep"), "service_resumed", "created"));
      }
      end(service);
    }
    changed();
  }

  /** One step of a resume's deploy: created, in progress, then live or the armed failure. */
  private void advance(String id, long generation, String status) {
    synchronized (this) {
      Service service = byId(id);
      if (service == null || service.generation != generation) {
        return;
      }
      if (status != null && status.equals("created")) {
        service.deploys.add(0, new Deploy(newId("dep"), "service_resumed", status));
      } else if (status != null) {
        Deploy deploy = service.deploys.get(0);
        deploy.status = status;
        deploy.updatedAt = Instant.now();
      } else {
        end(service);
      }
    }
    changed();
  }

  private void end(Service service) {
    Deploy deploy = service.deploys.get(0);
    if (service.failNextResumeWith != null) {
      finish(deploy, service.failNextResumeWith);
      service.failNextResumeWith = null;
      return;
    }
    service.deploys.stream()
        .filter(older -> older != deploy && older.status.equals("live"))
        .forEach(older -> finish(older, "deactivated"));
    finish(deploy, "live");
    service.serving = true;
  }

  private static void finish(Deploy deploy, String status) {
    deploy.status = status;
    deploy.updatedAt = Instant.now();
    deploy.finishedAt = deploy.updatedAt;
  }
}
