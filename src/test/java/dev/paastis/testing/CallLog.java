package dev.paastis.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** The calls a fake provider API received, for tests to count. Thread-safe. */
public final class CallLog<C extends CallLog.Call> {

  /** What every fake records of a call, beside its own details. */
  public interface Call {
    String method();

    String path();
  }

  private final List<C> calls = new CopyOnWriteArrayList<>();

  public void add(C call) {
    calls.add(call);
  }

  /** A snapshot, oldest first. */
  public List<C> all() {
    return List.copyOf(calls);
  }

  public int count() {
    return calls.size();
  }

  /** Calls with this method whose path starts with {@code pathPrefix}. */
  public int count(String method, String pathPrefix) {
    return count(call -> call.method().equals(method) && call.path().startsWith(pathPrefix));
  }

  public int count(Predicate<C> which) {
    return (int) calls.stream().filter(which).count();
  }

  public void clear() {
    calls.clear();
  }
}
