package dev.paastis.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A window open now: since when (the {@code from} fire that opened it, which also tells one opening
 * from the next, so that the caller acts once per opening) and until when (empty: it never closes).
 */
public record OpenWindow(Instant openedAt, Optional<Instant> closesAt) {

  public OpenWindow {
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(closesAt, "closesAt");
  }
}
