package dev.paastis.internal.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.paastis.Paastis;
import dev.paastis.events.Event;
import dev.paastis.events.EventType;
import dev.paastis.provider.Providers;
import dev.paastis.testing.FakeProvider;
import dev.paastis.testing.TestConfigs;
import dev.paastis.testing.TestHttp;
import dev.paastis.testing.TestUpstream;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard page in a real headless Chromium against the real admin listener: sign in, start an
 * app, watch it come up through the event stream; the savings chart; a phone-width layout; a
 * refused token.
 *
 * <p>Uses the system Chromium ({@code apt-get install chromium}, as {@code .ci/run} does); skipped
 * where there is none. {@code target/dashboard.png} is always written; {@code
 * -Dpaastis.screenshot=docs/dashboard.png} writes the same picture there too.
 */
class DashboardBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final List<String> CHROMIUM_FLAGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--disable-dev-shm-usage");
  private static final String TOKEN = "dashboard-test-token-0123";

  private static Playwright playwright;
  private static Browser browser;

  private Vertx vertx;
  private FakeProvider provider;
  private Paastis paastis;
  private BrowserContext context;

  @BeforeAll
  static void launchChromium() {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "no Chromium at /usr/bin/chromium: the dashboard browser test needs Debian's chromium"
            + " (apt-get install -y --no-install-recommends chromium, as .ci/run does)");
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(CHROMIUM_FLAGS));
    PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
  }

  @AfterAll
  static void closeChromium() {
    if (playwright != null) {
      playwright.close();
    }
  }

  @BeforeEach
  void startPaastis() throws Exception {
    vertx = Vertx.vertx();
    TestUpstream upstream = TestUpstream.start(vertx);
    provider = new FakeProvider(vertx, "fake", Duration.ofSeconds(10));
    provider.withRunningApp("api", upstream.uri());
    provider.withRunningApp("shop", upstream.uri());
    provider.withStoppedApp("docs", upstream.uri());
    provider.withStoppedApp("worker", upstream.uri());
    TestConfigs configs = new TestConfigs();
    configs.adminToken = Optional.of(TOKEN);
    configs.maxIdleTime = Duration.ofMinutes(30);
    paastis =
        Paastis.create(configs.build(), vertx, new Providers(List.of(provider)), Clock.systemUTC());
    sleptBefore();
    paastis.start().await();
  }

  /** Earlier nights, so that the hours slept over 7 days are not all zero. */
  private void sleptBefore() {
    Instant now = Instant.now();
    record("api", EventType.APP_STOPPED, now.minus(Duration.ofHours(30)));
    record("api", EventType.APP_STARTING, now.minus(Duration.ofMinutes(17 * 60 + 30)));
    record("docs", EventType.APP_STOPPED, now.minus(Duration.ofHours(50)));
  }

  private void record(String app, EventType type, Instant at) {
    Map<String, Object> details =
        type == EventType.APP_STOPPED ? Map.of("reason", "idle") : Map.of();
    paastis.events().append(new Event(type, app, "fake", at, details)).await();
  }

  @AfterEach
  void stopAll() {
    if (context != null) {
      context.close();
    }
    paastis.stop().await();
    vertx.close().await();
  }

  private Page open(int width, int height) {
    return open(width, height, context -> {});
  }

  /** Opens the page in a new browser context that {@code setUp} prepares first. */
  private Page open(int width, int height, Consumer<BrowserContext> setUp) {
    context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
    setUp.accept(context);
    Page page = context.newPage();
    page.navigate("http://127.0.0.1:" + paastis.adminPort() + "/");
    return page;
  }

  private static void signIn(Page page, String token) {
    page.locator("#token").fill(token);
    page.locator("#login-form button[type=submit]").click();
  }

  private static Locator app(Page page, String name) {
    return page.locator("#app-rows [data-app='" + name + "']");
  }

  private static Locator state(Page page, String name) {
    return app(page, name).locator("[data-state]");
  }

  @Test
  void starting_a_stopped_app_shows_it_running_and_the_events_arrive_live() {
    Page page = open(1200, 800);
    signIn(page, TOKEN);

    assertThat(state(page, "worker")).hasAttribute("data-state", "STOPPED");
    assertThat(state(page, "api")).hasAttribute("data-state", "RUNNING");
    assertThat(app(page, "api").locator(".slept-hours")).hasText("12.5 h");
    assertThat(page.locator("#live")).hasAttribute("data-status", "live");

    app(page, "worker")
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("start worker"))
        .click();
    assertThat(state(page, "worker")).hasAttribute("data-state", "RUNNING");
    assertThat(app(page, "worker").locator("button.act")).hasText("Stop");
    assertThat(page.locator("#events li[data-app=worker][data-type=APP_STARTED]")).hasCount(1);
    assertThat(app(page, "worker").locator(".col-left")).hasText(Pattern.compile("\\d+m \\d\\ds"));

    app(page, "shop")
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("stop shop"))
        .click();
    assertThat(state(page, "shop")).hasAttribute("data-state", "STOPPED");
    assertThat(page.locator("#events li[data-app=shop][data-type=APP_STOPPED]")).hasCount(1);

    screenshot(page);
  }

  @Test
  void the_savings_chart_has_a_bar_per_app_tracked_in_the_window_and_the_totals() {
    Page page = open(1200, 800);
    signIn(page, TOKEN);

    Locator bars = page.locator("#savings-chart g.savings-bar");
    assertThat(bars).hasCount(3); // worker was never tracked
    assertThat(page.locator("#savings-title")).hasText("Savings (30 days)");
    assertThat(bars.nth(0)).hasAttribute("data-app", "api");
    assertThat(bars.nth(0).locator("text.savings-value")).hasText("12.5 h asleep");
    assertThat(bars.nth(1)).hasAttribute("data-app", "docs");
    assertThat(bars.nth(1).locator("text.savings-value")).hasText("50.0 h asleep");
    assertThat(bars.nth(1).locator("rect.savings-asleep"))
        .hasAttribute("width", Pattern.compile("6\\.\\d%")); // 50 h of 720
    assertThat(bars.nth(2)).hasAttribute("data-app", "shop");
    assertThat(page.locator("#savings-total"))
        .hasText(Pattern.compile("^Total: 62\\.5 h asleep, .* no saving to show\\.$"));
  }

  @Test
  void the_savings_chart_shows_each_saving_and_their_total_and_writes_names_as_text() {
    String hostile = "<img src=x onerror=\"document.body.dataset.pwned=1\">";
    JsonObject savings =
        new JsonObject()
            .put("since", "2026-10-26T10:00:00Z")
            .put("until", "2026-11-25T10:00:00Z")
            .put(
                "apps",
                new JsonArray()
                    .add(
                        new JsonObject()
                            .put("app", hostile)
                            .put("hours_awake", 720.0)
                            .put("hours_asleep", 0.0)
                            .put("wakes", 0)
                            .put("cost_per_hour", "0.10")
                            .put("saving", "0.00"))
                    .add(
                        new JsonObject()
                            .put("app", "shop")
                            .put("hours_awake", 12.5)
                            .put("hours_asleep", 707.5)
                            .put("wakes", 9)
                            .put("cost_per_hour", "0.05")
                            .put("saving", "35.38")))
            .put(
                "totals",
                new JsonObject()
                    .put("hours_awake", 732.5)
                    .put("hours_asleep", 707.5)
                    .put("wakes", 9)
                    .put("saving", "35.38"));
    Page page =
        open(
            1200,
            800,
            browser ->
                browser.route(
                    "**/api/savings*",
                    route ->
                        route.fulfill(
                            new Route.FulfillOptions()
                                .setStatus(200)
                                .setContentType("application/json")
                                .setBody(savings.encode()))));
    signIn(page, TOKEN);

    Locator bars = page.locator("#savings-chart g.savings-bar");
    assertThat(bars).hasCount(2);
    assertThat(bars.nth(0).locator("text.savings-app")).hasText(hostile);
    assertThat(bars.nth(1).locator("text.savings-value")).hasText("707.5 h asleep · 35.38 saved");
    assertThat(bars.nth(1).locator("rect.savings-awake")).hasAttribute("width", "1.7%");
    assertThat(bars.nth(1).locator("rect.savings-asleep")).hasAttribute("x", "1.7%");
    assertThat(bars.nth(1).locator("rect.savings-asleep")).hasAttribute("width", "98.3%");
    assertThat(page.locator("#savings-total"))
        .hasText("Total saved: 35.38 (707.5 h asleep, 732.5 h awake, 9 wakes)");
    assertThat(page.locator("#savings-chart img")).hasCount(0);
    assertThat((Object) page.evaluate("document.body.dataset.pwned")).isNull();
  }

  @Test
  void at_phone_width_the_apps_fit_without_sideways_scrolling_and_the_token_is_kept() {
    Page page = open(375, 800);
    signIn(page, TOKEN);

    Locator start = app(page, "worker").locator("button.act");
    start.scrollIntoViewIfNeeded();
    assertThat(start).isInViewport(new LocatorAssertions.IsInViewportOptions().setRatio(1));
    assertThat(
            (Boolean)
                page.evaluate(
                    "document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
        .isTrue();

    page.reload();
    assertThat(app(page, "worker")).isVisible();
    assertThat(page.locator("#login")).isHidden();
    write(page.screenshot(new Page.ScreenshotOptions().setFullPage(true)), List.of(PHONE_PICTURE));
  }

  @Test
  void a_wrong_token_asks_again_with_an_error_and_the_right_one_then_works() {
    Page page = open(1200, 800);
    signIn(page, "not-the-token");

    assertThat(page.locator("#login-error")).isVisible();
    assertThat(page.locator("#login-error")).containsText("refused");
    assertThat(page.locator("#token")).isVisible();
    assertThat(page.locator("#token")).isEmpty();
    assertThat(page.locator("#dashboard")).isHidden();
    assertThat((Object) page.evaluate("sessionStorage.length")).isEqualTo(0);

    signIn(page, TOKEN);
    assertThat(app(page, "api")).isVisible();
    assertThat(page.locator("#login")).isHidden();
  }

  @Test
  void pinning_an_app_wakes_it_and_says_until_when_and_unpinning_ends_it() {
    Page page = open(1200, 800);
    signIn(page, TOKEN);
    assertThat(state(page, "docs")).hasAttribute("data-state", "STOPPED");
    assertThat(app(page, "docs").locator(".col-left")).hasText("asleep");

    app(page, "docs").locator(".pin-for").selectOption("8h");
    app(page, "docs")
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("pin docs"))
        .click();

    assertThat(state(page, "docs")).hasAttribute("data-state", "RUNNING");
    assertThat(app(page, "docs").locator(".col-left")).hasText(Pattern.compile("pinned 7h 5\\dm"));
    assertThat(app(page, "docs").locator("button.pin")).hasText("Unpin");
    assertThat(page.locator("#events li[data-app=docs][data-type=APP_PINNED]")).hasCount(1);
    org.assertj.core.api.Assertions.assertThat(
            paastis.registry().get("docs").await().orElseThrow().pinnedUntil())
        .isPresent();

    app(page, "docs")
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("unpin docs"))
        .click();

    assertThat(app(page, "docs").locator("button.pin")).hasText("Pin");
    assertThat(app(page, "docs").locator(".col-left")).hasText(Pattern.compile("sleeps in"));
    assertThat(page.locator("#events li[data-app=docs][data-type=APP_UNPINNED]")).hasCount(1);
  }

  @Test
  void a_refused_stop_shows_the_problem_detail() {
    Page page = open(1200, 800);
    signIn(page, TOKEN);
    assertThat(state(page, "api")).hasAttribute("data-state", "RUNNING");

    // a request held open by the upstream keeps api busy: the admin API refuses to stop it (409)
    TestHttp.send(
        vertx.createHttpClient(),
        paastis.port(),
        HttpMethod.GET,
        "api.test",
        "/slow?ms=120000",
        Map.of(),
        null);
    await().until(() -> paastis.lifecycle().catalog().inFlight("api") == 1);
    app(page, "api")
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("stop api"))
        .click();

    assertThat(page.locator("#notice")).containsText("Could not stop api");
    assertThat(page.locator("#notice")).containsText("in flight");
    assertThat(state(page, "api")).hasAttribute("data-state", "RUNNING");
    assertThat(app(page, "api").locator("button.act")).isEnabled();
  }

  /** Writes target/dashboard.png, and the same picture where -Dpaastis.screenshot says. */
  private static void screenshot(Page page) {
    page.mouse().move(0, 0);
    byte[] png = page.screenshot();
    List<Path> paths = new ArrayList<>(List.of(Path.of("target", "dashboard.png")));
    String extra = System.getProperty("paastis.screenshot", "");
    if (!extra.isBlank()) {
      paths.add(Path.of(extra));
    }
    write(png, paths);
  }

  /** The phone-width page, whole, for a look by eye. */
  private static final Path PHONE_PICTURE = Path.of("target", "dashboard-phone.png");

  private static void write(byte[] png, List<Path> paths) {
    try {
      for (Path path : paths) {
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.write(path, png);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
