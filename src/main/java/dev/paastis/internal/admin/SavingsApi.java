package dev.paastis.internal.admin;

import dev.paastis.config.ConfigException;
import dev.paastis.config.Durations;
import dev.paastis.events.EventStore;
import dev.paastis.policy.Savings;
import dev.paastis.policy.Savings.AppSaving;
import dev.paastis.policy.Savings.Span;
import dev.paastis.policy.Savings.Totals;
import dev.paastis.registry.Registry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code GET /api/savings?since=30d}: per app, the hours awake and asleep, the wakes and what the
 * time asleep saved over a window ending now, with their totals. The hours come from the event
 * history ({@link Savings}), so that they survive a restart when the events are in PostgreSQL.
 */
final class SavingsApi {

  static final Duration DEFAULT_SINCE = Duration.ofDays(30);

  private final Registry registry;
  private final Supplier<Collection<String>> known;
  private final AppHistories histories;
  private final Function<String, Optional<BigDecimal>> costPerHour;
  private final Duration retention;
  private final Clock clock;

  /**
   * @param known the keys of the apps the providers list (tracked or not)
   * @param costPerHour an app's cost per hour while awake, by app key; empty when no rule sets one
   * @param retention how long the event store keeps events (EVENTS_RETENTION): the longest window
   */
  SavingsApi(
      Registry registry,
      Supplier<Collection<String>> known,
      EventStore events,
      Function<String, Optional<BigDecimal>> costPerHour,
      Duration retention,
      Clock clock) {
    this.registry = registry;
    this.known = known;
    this.histories = new AppHistories(events);
    this.costPerHour = costPerHour;
    this.retention = retention;
    this.clock = clock;
  }

  void mount(Router router) {
    router.get("/api/savings").handler(this::savings);
  }

  private void savings(RoutingContext context) {
    Duration since = since(context.queryParams().get("since"));
    Responses.json(context, 200, report(Span.ending(clock.instant(), since)));
  }

  /**
   * The window's length: a duration such as {@code 30d} (a bare number is days), from 1 s to the
   * retention; 30 days, or the retention when shorter, without one.
   *
   * @throws BadRequestException naming the parameter and what it accepts
   */
  Duration since(String value) {
    if (value == null) {
      return DEFAULT_SINCE.compareTo(retention) <= 0 ? DEFAULT_SINCE : retention;
    }
    Duration since;
    try {
      since = Durations.parsePositive("since", value, ChronoUnit.DAYS);
    } catch (ConfigException e) {
      since = Duration.ZERO;
    }
    if (since.toSeconds() < 1 || since.compareTo(retention) > 0) {
      throw new BadRequestException(
          "since="
              + value
              + " is not accepted: expected a duration such as 30d, 12h or 90m (a bare number is"
              + " days), from 1s to "
              + Durations.format(retention)
              + " (EVENTS_RETENTION: older events are not kept)");
    }
    return since;
  }

  Future<JsonObject> report(Span window) {
    return registry
        .all()
        .compose(tracked -> histories.all(window, tracked, known.get()))
        .map(
            all -> {
              List<AppSaving> apps =
                  all.stream()
                      .map(history -> Savings.of(history, window, cost(history.app())))
                      .filter(SavingsApi::counted)
                      .toList();
              JsonArray rows = new JsonArray();
              apps.forEach(app -> rows.add(json(app)));
              return new JsonObject()
                  .put("since", window.from().toString())
                  .put("until", window.to().toString())
                  .put("apps", rows)
                  .put("totals", json(Savings.total(apps)));
            });
  }

  /** An app never tracked in the window (listed by its provider, never woken) is left out. */
  private static boolean counted(AppSaving app) {
    return !app.awake().isZero() || !app.asleep().isZero() || app.wakes() > 0;
  }

  private Optional<BigDecimal> cost(String app) {
    return costPerHour.apply(app);
  }

  private static JsonObject json(AppSaving app) {
    return new JsonObject()
        .put("app", app.app())
        .put("hours_awake", app.hoursAwake().doubleValue())
        .put("hours_asleep", app.hoursAsleep().doubleValue())
        .put("wakes", app.wakes())
        .put("cost_per_hour", money(app.costPerHour()))
        .put("saving", money(app.saving()));
  }

  private static JsonObject json(Totals totals) {
    return new JsonObject()
        .put("hours_awake", totals.hoursAwake().doubleValue())
        .put("hours_asleep", totals.hoursAsleep().doubleValue())
        .put("wakes", totals.wakes())
        .put("saving", money(totals.saving()));
  }

  /** Money as a string of its exact decimals ({@code "35.38"}): no binary floating point. */
  private static String money(Optional<BigDecimal> amount) {
    return amount.map(BigDecimal::toPlainString).orElse(null);
  }
}
