package dev.paastis.cli;

import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;

/** The lines of a streamed body, handed from the client's threads to the reading one. */
final class LineQueue implements Flow.Subscriber<String> {

  /** Each line, then an empty one for the end of the stream. */
  private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();

  private volatile Flow.Subscription subscription;

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(String line) {
    lines.add(Optional.of(line));
  }

  @Override
  public void onError(Throwable failure) {
    // the response future fails too, and says why
  }

  @Override
  public void onComplete() {
    // the response future completes too
  }

  void end() {
    lines.add(Optional.empty());
  }

  Optional<String> take() throws InterruptedException {
    return lines.take();
  }

  void cancel() {
    Flow.Subscription current = subscription;
    if (current != null) {
      current.cancel();
    }
  }
}
