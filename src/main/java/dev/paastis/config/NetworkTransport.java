package dev.paastis.config;

/**
 * How the proxy's sockets talk to the kernel (TRANSPORT).
 *
 * <ul>
 *   <li>{@code AUTO}: io_uring where the kernel allows it, else epoll, else the JDK's NIO;
 *   <li>{@code IO_URING}: Linux's io_uring (5.9 or later, not refused by a seccomp profile): the
 *       fewest system calls per request, measured fastest (bench/RESULTS.md);
 *   <li>{@code EPOLL}: Linux's epoll, the transport of most Netty servers;
 *   <li>{@code NIO}: the JDK's, on every system.
 * </ul>
 *
 * <p>A transport named explicitly that cannot load stops Paastis with the reason; {@code AUTO}
 * falls back and says which one it took.
 */
public enum NetworkTransport {
  AUTO,
  IO_URING,
  EPOLL,
  NIO
}
