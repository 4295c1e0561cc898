package dev.paastis.provider.kubernetes;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a workload's requests go: the URL in its {@code paastis.dev/upstream} annotation, else
 * {@code http://<service>.<namespace>.svc:<first port>} for the Service of the same name in its
 * namespace. Services are read one by one ({@code get}, the least RBAC), and the answer is kept: 10
 * minutes when there is a Service, 1 minute when there is none, so that a tick reads only the
 * Services of new workloads. Blocking: called on a worker thread.
 */
final class Upstreams {

  private static final Logger LOG = LoggerFactory.getLogger(Upstreams.class);

  static final Duration KEEP_FOUND = Duration.ofMinutes(10);

  static final Duration KEEP_MISSING = Duration.ofMinutes(1);

  private record Reading(Optional<URI> upstream, Instant until) {}

  private final KubernetesClient client;
  private final Clock clock;
  private final Map<String, Reading> services = new ConcurrentHashMap<>();
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  Upstreams(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  Optional<URI> of(Workload workload) {
    String annotated = workload.annotations().get(Workload.UPSTREAM);
    if (annotated != null && !annotated.isBlank()) {
      return parse(workload, annotated.trim());
    }
    String id = workload.namespace() + "/" + workload.name();
    Instant now = clock.instant();
    Reading known = services.get(id);
    if (known != null && now.isBefore(known.until())) {
      return known.upstream();
    }
    Optional<URI> read = serviceUrl(workload, known);
    services.put(id, new Reading(read, now.plus(read.isPresent() ? KEEP_FOUND : KEEP_MISSING)));
    return read;
  }

  /** Forgets the Services of workloads no longer listed. */
  void retain(List<Workload> listed) {
    var ids = listed.stream().map(w -> w.namespace() + "/" + w.name()).toList();
    services.keySet().retainAll(ids);
  }

  /** The Service's URL; on an API failure, what was known before (none the first time). */
  private Optional<URI> serviceUrl(Workload workload, Reading known) {
    Service service;
    try {
      service = client.services().inNamespace(workload.namespace()).withName(workload.name()).get();
    } catch (KubernetesClientException failure) {
      LOG.warn(
          "the Service of {} could not be read ({} {})",
          workload.describe(),
          failure.getCode(),
          failure.getMessage());
      return known == null ? Optional.empty() : known.upstream();
    }
    if (service == null || service.getSpec() == null) {
      return Optional.empty();
    }
    List<ServicePort> ports = service.getSpec().getPorts();
    if (ports == null || ports.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        URI.create(
            "http://"
                + workload.name()
                + "."
                + workload.namespace()
                + ".svc:"
                + ports.get(0).getPort()));
  }

  private Optional<URI> parse(Workload workload, String value) {
    try {
      URI uri = URI.create(value);
      if (uri.getHost() != null
          && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        return Optional.of(uri);
      }
    } catch (IllegalArgumentException notAUri) {
      // reported below
    }
    if (!reported.add(workload.describe() + " " + value)) {
      return Optional.empty();
    }
    LOG.warn(
        "{} has {}={}, not an http(s) URL: it is listed without an upstream",
        workload.describe(),
        Workload.UPSTREAM,
        value);
    return Optional.empty();
  }
}
