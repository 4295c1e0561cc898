package dev.paastis.policy;

import dev.paastis.events.Event;
import dev.paastis.events.EventType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What scale-to-zero saved, from the event history: how long each app was awake and asleep in a
 * window, how often it was woken, and what the time asleep would have cost. The one place that
 * computes sleep time (the admin API's hours slept over 7 days reads it too). Pure: no clock, no
 * I/O; the caller reads the events and says where the window lies.
 *
 * <p>An app's phase changes with its events, replayed oldest first:
 *
 * <ul>
 *   <li>{@code APP_STOPPED}: asleep.
 *   <li>{@code APP_STARTING}: awake (a start under way is paid for), and a wake counted.
 *   <li>{@code APP_STARTED}, {@code APP_DISCOVERED}, {@code APP_REGISTERED}: awake.
 *   <li>{@code APP_START_FAILED}: back to the phase before the start. A wake records {@code
 *       APP_STARTING} only when its provider reported the app not running, and nothing marks it
 *       running when the wake fails; if it runs after all, the next listing finds it and records
 *       {@code APP_DISCOVERED}.
 *   <li>{@code APP_UNREGISTERED}: untracked, neither awake nor asleep.
 * </ul>
 *
 * <p>The phase when the window opens comes from the app's newest event before it among {@link
 * #SETTLING} (a start under way is skipped: what matters is the phase before it). When the store
 * has none (the app is new, or the event was pruned by the retention, or lost with an in-memory
 * store at a restart), it is read from the window's events: an {@code APP_REGISTERED} not preceded
 * by an {@code APP_UNREGISTERED} means the app was not tracked yet (untracked until its first
 * event); otherwise the first event tells: a stop means it was awake, a start begun or a discovery
 * of an app started from outside means it was asleep, the end of a start means a start was under
 * way (awake), an unregistering says nothing and counts as awake (so that a saving is never claimed
 * on a guess). With no event at all, before or in the window, nothing changed during it: the app
 * spent it all in its phase now ({@link AppHistory#now}).
 */
public final class Savings {

  /** The event types that change an app's phase: the ones to read from the store. */
  public static final Set<EventType> TYPES =
      Collections.unmodifiableSet(
          EnumSet.of(
              EventType.APP_DISCOVERED,
              EventType.APP_REGISTERED,
              EventType.APP_STARTING,
              EventType.APP_STARTED,
              EventType.APP_START_FAILED,
              EventType.APP_STOPPED,
              EventType.APP_UNREGISTERED));

  /**
   * The types of the event before the window that says in which phase the window opens: all of
   * {@link #TYPES} but those of a start under way, which leave the app as it was when they fail.
   */
  public static final Set<EventType> SETTLING =
      Collections.unmodifiableSet(
          EnumSet.of(
              EventType.APP_DISCOVERED,
              EventType.APP_REGISTERED,
              EventType.APP_STARTED,
              EventType.APP_STOPPED,
              EventType.APP_UNREGISTERED));

  private static final BigDecimal MILLIS_PER_HOUR =
      BigDecimal.valueOf(Duration.ofHours(1).toMillis());

  private Savings() {}

  /** Where an app stands: running under Paastis, stopped by it, or not tracked. */
  public enum Phase {
    AWAKE,
    ASLEEP,
    UNTRACKED
  }

  /**
   * The span of time looked at (the window); events at either end belong to it. Not a rule's
   * recurring schedule window ({@code Window}).
   *
   * @param from when it opens
   * @param to when it closes, usually now
   */
  public record Span(Instant from, Instant to) {

    public Span {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("a window ends after it opens: " + from + " > " + to);
      }
    }

    /** The window of that length ending at {@code to}. */
    public static Span ending(Instant to, Duration length) {
      return new Span(to.minus(length), to);
    }

    public Duration length() {
      return Duration.between(from, to);
    }
  }

  /**
   * What the caller read of one app.
   *
   * @param app the app's key
   * @param before the app's newest event before the window among {@link #SETTLING}, if the store
   *     has one
   * @param events the app's events of {@link #TYPES} in the window, newest first as the event store
   *     gives them
   * @param now the app's phase now, as the registry says (tracked and stopped, tracked and awake,
   *     not tracked): used only when no event, before or in the window, says anything
   */
  public record AppHistory(String app, Optional<Event> before, List<Event> events, Phase now) {

    public AppHistory {
      Objects.requireNonNull(app, "app");
      Objects.requireNonNull(before, "before");
      events = List.copyOf(events);
      Objects.requireNonNull(now, "now");
    }
  }

  /**
   * What one app cost and saved in a window.
   *
   * @param wakes the starts begun in the window ({@code APP_STARTING}), failed ones included
   * @param costPerHour the app's cost per hour while awake, when a rule sets one
   * @param saving hours asleep × cost per hour, rounded to 2 decimals (half up); empty without a
   *     cost
   */
  public record AppSaving(
      String app,
      Duration awake,
      Duration asleep,
      int wakes,
      Optional<BigDecimal> costPerHour,
      Optional<BigDecimal> saving) {

    public AppSaving {
      Objects.requireNonNull(app, "app");
      Objects.requireNonNull(awake, "awake");
      Objects.requireNonNull(asleep, "asleep");
      Objects.requireNonNull(costPerHour, "costPerHour");
      Objects.requireNonNull(saving, "saving");
    }

    public BigDecimal hoursAwake() {
      return hours(awake);
    }

    public BigDecimal hoursAsleep() {
      return hours(asleep);
    }
  }

  /**
   * The sums over the apps.
   *
   * @param saving the sum of the apps' savings (each already rounded, so that the total is what the
   *     rows add up to); empty when no app has a cost
   */
  public record Totals(Duration awake, Duration asleep, int wakes, Optional<BigDecimal> saving) {

    public Totals {
      Objects.requireNonNull(awake, "awake");
      Objects.requireNonNull(asleep, "asleep");
      Objects.requireNonNull(saving, "saving");
    }

    public BigDecimal hoursAwake() {
      return hours(awake);
    }

    public BigDecimal hoursAsleep() {
      return hours(asleep);
    }
  }

  /** What the app's history says of it in the window, priced at {@code costPerHour}. */
  public static AppSaving of(AppHistory history, Span window, Optional<BigDecimal> costPerHour) {
    Replay replay = new Replay(window);
    List<Event> oldestFirst = new ArrayList<>(history.events());
    Collections.reverse(oldestFirst);
    oldestFirst.removeIf(event -> !TYPES.contains(event.type()));
    // stable: events of the same instant keep the store's order
    oldestFirst.sort(Comparator.comparing(Event::at));
    replay.open(
        history
            .before()
            .map(before -> opening(before, oldestFirst))
            .orElseGet(() -> opening(oldestFirst, history.now())));
    oldestFirst.forEach(replay::apply);
    replay.close();
    return new AppSaving(
        history.app(),
        replay.awake,
        replay.asleep,
        replay.wakes,
        costPerHour,
        costPerHour.map(cost -> saving(replay.asleep, cost)));
  }

  /** How long the app slept in the window: {@link #of} without a price. */
  public static Duration asleep(AppHistory history, Span window) {
    return of(history, window, Optional.empty()).asleep();
  }

  public static Totals total(Collection<AppSaving> apps) {
    Duration awake = Duration.ZERO;
    Duration asleep = Duration.ZERO;
    int wakes = 0;
    Optional<BigDecimal> saving = Optional.empty();
    for (AppSaving app : apps) {
      awake = awake.plus(app.awake());
      asleep = asleep.plus(app.asleep());
      wakes += app.wakes();
      if (app.saving().isPresent()) {
        saving = Optional.of(saving.orElse(BigDecimal.ZERO).add(app.saving().get()));
      }
    }
    return new Totals(awake, asleep, wakes, saving);
  }

  /** Hours, rounded to 2 decimals (half up). */
  public static BigDecimal hours(Duration duration) {
    return BigDecimal.valueOf(duration.toMillis()).divide(MILLIS_PER_HOUR, 2, RoundingMode.HALF_UP);
  }

  /** Time asleep × cost per hour, one rounding at the end: 2 decimals, half up. */
  static BigDecimal saving(Duration asleep, BigDecimal costPerHour) {
    return BigDecimal.valueOf(asleep.toMillis())
        .multiply(costPerHour)
        .divide(MILLIS_PER_HOUR, 2, RoundingMode.HALF_UP);
  }

  /** Where the app stands at the window's opening, and before a start under way then. */
  private record Opening(Phase phase, Phase beforeStart, boolean starting) {

    static Opening settled(Phase phase) {
      return new Opening(phase, phase, false);
    }
  }

  /**
   * The phase an event of {@link #SETTLING} leaves the app in; when the window's first event ends a
   * start, that start was under way at the opening.
   */
  private static Opening opening(Event settling, List<Event> oldestFirst) {
    Phase phase =
        switch (settling.type()) {
          case APP_STOPPED -> Phase.ASLEEP;
          case APP_UNREGISTERED -> Phase.UNTRACKED;
          default -> Phase.AWAKE;
        };
    return endsAStart(oldestFirst) ? new Opening(Phase.AWAKE, phase, true) : Opening.settled(phase);
  }

  private static boolean endsAStart(List<Event> oldestFirst) {
    return !oldestFirst.isEmpty()
        && (oldestFirst.get(0).type() == EventType.APP_STARTED
            || oldestFirst.get(0).type() == EventType.APP_START_FAILED);
  }

  /** The opening read from the window's events when no event before it is known. */
  private static Opening opening(List<Event> oldestFirst, Phase now) {
    if (oldestFirst.isEmpty()) {
      return Opening.settled(now);
    }
    for (Event event : oldestFirst) {
      if (event.type() == EventType.APP_UNREGISTERED) {
        break;
      }
      if (event.type() == EventType.APP_REGISTERED) {
        return Opening.settled(Phase.UNTRACKED); // registered only when it was not tracked
      }
    }
    if (endsAStart(oldestFirst)) {
      return new Opening(Phase.AWAKE, Phase.ASLEEP, true);
    }
    return switch (oldestFirst.get(0).type()) {
      case APP_STARTING, APP_DISCOVERED -> Opening.settled(Phase.ASLEEP);
      default -> Opening.settled(Phase.AWAKE); // it ran until its stop; an unregistering: unknown
    };
  }

  /** The app's phases through the window, summed. */
  private static final class Replay {

    private final Span window;
    private Phase phase;
    private Phase beforeStart;
    private boolean starting;
    private Instant since;
    private Duration awake = Duration.ZERO;
    private Duration asleep = Duration.ZERO;
    private int wakes;

    Replay(Span window) {
      this.window = window;
      this.since = window.from();
    }

    void open(Opening opening) {
      phase = opening.phase();
      beforeStart = opening.beforeStart();
      starting = opening.starting();
    }

    /** Events past the window change nothing in it; those before it count no wake. */
    void apply(Event event) {
      if (event.at().isAfter(window.to())) {
        return;
      }
      moveTo(event.at());
      switch (event.type()) {
        case APP_STARTING -> {
          if (!starting) {
            beforeStart = phase;
            starting = true;
          }
          wakes += event.at().isBefore(window.from()) ? 0 : 1;
          phase = Phase.AWAKE;
        }
        case APP_START_FAILED -> {
          phase = starting ? beforeStart : phase;
          starting = false;
        }
        case APP_STOPPED -> settle(Phase.ASLEEP);
        case APP_UNREGISTERED -> settle(Phase.UNTRACKED);
        default -> settle(Phase.AWAKE); // started, discovered, registered
      }
    }

    void close() {
      moveTo(window.to());
    }

    private void settle(Phase next) {
      phase = next;
      starting = false;
    }

    /** Counts the time from the last event to {@code at} (kept within the window) in the phase. */
    private void moveTo(Instant at) {
      Instant until =
          at.isBefore(window.from()) ? window.from() : at.isAfter(window.to()) ? window.to() : at;
      if (until.isAfter(since)) {
        Duration spent = Duration.between(since, until);
        if (phase == Phase.AWAKE) {
          awake = awake.plus(spent);
        } else if (phase == Phase.ASLEEP) {
          asleep = asleep.plus(spent);
        }
        since = until;
      }
    }
  }
}
