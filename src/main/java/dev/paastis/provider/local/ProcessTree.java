package dev.paastis.provider.local;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Ends processes together with everything they forked: {@code sh -c} forks, so signalling the shell
 * alone would leave the app running. Blocking: call it off the event loop.
 */
final class ProcessTree {

  /** How long to wait for the kernel to reap KILLed processes before giving up. */
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private static final long POLL_MILLIS = 20;

  private ProcessTree() {}

  /**
   * Sends TERM to every root and descendant, waits up to {@code grace}, then KILLs whatever is
   * left. Returns once they are gone or {@link #KILL_WAIT} has passed after the KILL.
   */
  static void terminate(List<ProcessHandle> roots, Duration grace) {
    // Descendants are collected before any signal: once a parent dies its children are
    // re-parented to init and can no longer be found from the root.
    Set<ProcessHandle> tree = withDescendants(roots.stream());
    tree.forEach(ProcessHandle::destroy);
    if (awaitExit(tree, grace)) {
      return;
    }
    Set<ProcessHandle> left = withDescendants(tree.stream().filter(ProcessHandle::isAlive));
    left.forEach(ProcessHandle::destroyForcibly);
    awaitExit(left, KILL_WAIT);
  }

  private static Set<ProcessHandle> withDescendants(Stream<ProcessHandle> roots) {
    Set<ProcessHandle> all = new LinkedHashSet<>();
    roots.forEach(
        root -> {
          all.add(root);
          root.descendants().forEach(all::add);
        });
    return all;
  }

  /**
   * True when every process exited within {@code timeout}. Polls: {@code onExit()} of a process
   * that is not our child only notices the exit after 300 ms or more.
   */
  private static boolean awaitExit(Set<ProcessHandle> processes, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
