package dev.paastis.internal.proxy;

import dev.paastis.config.ConfigException;
import dev.paastis.config.NetworkTransport;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.transport.Transport;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the Vert.x that Paastis owns, on the network transport TRANSPORT names. {@code auto} takes
 * io_uring where the kernel allows it: on the proxy path it spends about a quarter less CPU per
 * request than epoll, the fewer system calls being the difference (bench/RESULTS.md). Containers
 * whose seccomp profile refuses io_uring (Docker's default does), older kernels and other systems
 * get epoll, then the JDK's NIO.
 */
public final class TransportChoice {

  private static final Logger LOG = LoggerFactory.getLogger(TransportChoice.class);

  private TransportChoice() {}

  /**
   * A new Vert.x on {@code wanted}.
   *
   * @throws ConfigException when a transport named explicitly cannot load here, with the reason
   */
  public static Vertx create(NetworkTransport wanted) {
    return Vertx.builder().with(new VertxOptions()).withTransport(pick(wanted)).build();
  }

  private static Transport pick(NetworkTransport wanted) {
    return switch (wanted) {
      case AUTO -> auto();
      case IO_URING -> required(wanted, Transport.IO_URING);
      case EPOLL -> required(wanted, Transport.EPOLL);
      case NIO -> Transport.NIO;
    };
  }

  private static Transport auto() {
    for (Transport candidate : List.of(Transport.IO_URING, Transport.EPOLL)) {
      Optional<String> unavailable = unavailable(candidate);
      if (unavailable.isEmpty()) {
        return candidate;
      }
      // said once at startup, so that whoever wonders why the transport is not io_uring can see
      LOG.info("TRANSPORT=auto: {} cannot be used here ({})", candidate.name(), unavailable.get());
    }
    return Transport.NIO;
  }

  private static Transport required(NetworkTransport wanted, Transport transport) {
    unavailable(transport)
        .ifPresent(
            reason -> {
              throw new ConfigException(
                  "TRANSPORT="
                      + wanted.name().toLowerCase(Locale.ROOT)
                      + " cannot be used here ("
                      + reason
                      + "): use auto, which falls back to what this system has, or nio");
            });
    return transport;
  }

  /** Why {@code transport} cannot load here; empty when it can. */
  private static Optional<String> unavailable(Transport transport) {
    if (transport == null) {
      return Optional.of("its classes are not on the class path");
    }
    if (transport.available()) {
      return Optional.empty();
    }
    Throwable cause = transport.unavailabilityCause();
    if (cause == null) {
      return Optional.of("unavailable");
    }
    return Optional.of(cause.getMessage() != null ? cause.getMessage() : cause.toString());
  }

  /** The transport {@code vertx} runs on, as TRANSPORT names it: io_uring, epoll, kqueue or nio. */
  public static String describe(Vertx vertx) {
    if (!(vertx instanceof VertxInternal internal)) {
      return "unknown";
    }
    // Vert.x's implementations: IoUringTransport, EpollTransport, KQueueTransport, NioTransport
    String name = internal.transport().getClass().getSimpleName();
    return name.startsWith("IoUring")
        ? "io_uring"
        : name.replace("Transport", "").toLowerCase(Locale.ROOT);
  }
}
