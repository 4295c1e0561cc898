package dev.paastis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a stub server that answers what each test sets, and against no server. */
class AdminClientTest {

  private static final String TOKEN = "t0k3n-never-printed";

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile String contentType = "application/json";
  private volatile String body = "{}";

  @BeforeEach
  void setUp() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void tearDown() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    requests.add(
        exchange.getRequestMethod()
            + " "
            + exchange.getRequestURI()
            + " "
            + exchange.getRequestHeaders().getFirst("Authorization"));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private CliRun paastis(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--url", url()));
    return CliRun.run(Map.of("PAASTIS_ADMIN_TOKEN", TOKEN), all.toArray(String[]::new));
  }

  private AdminClient client() {
    return new AdminClient(URI.create(url()), new AdminOptions.Token(TOKEN, "--token"));
  }

  @Test
  void the_token_goes_as_a_bearer_and_filters_as_an_encoded_query() {
    body = "{\"events\": []}";

    CliRun run =
        paastis(
            "events",
            "--app",
            "my app",
            "--type",
            "app_stopped,APP_STARTED",
            "--type",
            "APP_STOPPED",
            "--since",
            "2026-11-25T10:00:00+01:00",
            "--limit",
            "5");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("no events" + System.lineSeparator());
    assertThat(requests)
        .containsExactly(
            "GET /api/events?app=my+app&type=APP_STOPPED%2CAPP_STARTED"
                + "&since=2026-11-25T09%3A00%3A00Z&limit=5 Bearer "
                + TOKEN);
  }

  @Test
  void start_waits_by_default_and_no_wait_does_not() {
    body = "{\"name\": \"my app\", \"state\": \"RUNNING\"}";
    assertThat(paastis("start", "my app").out()).matches("my app is RUNNING \\(\\d+\\.\\ds\\)\\R");

    body = "{\"name\": \"my app\", \"state\": \"STOPPING\"}";
    status = 202;
    assertThat(paastis("stop", "--no-wait", "my app").out())
        .isEqualTo("stop of my app requested; it is STOPPING" + System.lineSeparator());

    assertThat(requests)
        .containsExactly(
            "POST /api/apps/my%20app/start?wait=true Bearer " + TOKEN,
            "POST /api/apps/my%20app/stop Bearer " + TOKEN);
  }

  @Test
  void an_error_answer_prints_the_problem_detail_and_exits_1() {
    status = 404;
    contentType = "application/problem+json";
    body =
        "{\"type\": \"about:blank\", \"title\": \"Not Found\", \"status\": 404,"
            + " \"detail\": \"no provider knows an app named nope\"}";

    CliRun run = paastis("start", "nope");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "paastis: no provider knows an app named nope (HTTP 404)" + System.lineSeparator());
    assertThat(run.out()).isEmpty();
  }

  @Test
  void a_problem_without_detail_prints_its_title() {
    status = 409;
    contentType = "application/problem+json";
    body = "{\"title\": \"Conflict\", \"status\": 409}";

    assertThat(paastis("stop", "busy").err())
        .isEqualTo("paastis: Conflict (HTTP 409)" + System.lineSeparator());
  }

  @Test
  void a_refused_token_names_where_it_came_from_and_never_shows_it() {
    status = 401;
    body = "{\"title\": \"Unauthorized\", \"status\": 401}";

    CliRun run = paastis("apps");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("paastis: the admin API at " + url() + " refused the token from")
        .contains("PAASTIS_ADMIN_TOKEN", "--token", "(HTTP 401)")
        .doesNotContain(TOKEN);
  }

  @Test
  void an_answer_from_something_else_says_to_check_the_url() {
    status = 404;
    contentType = "text/html";
    body = "<html>not here</html>";
    assertThat(paastis("apps").err())
        .startsWith("paastis: HTTP 404 from " + url() + ", which does not look like the admin API")
        .contains("--url");

    contentType = "application/problem+json"; // the proxy port's answer to any path
    body = "{\"title\": \"App not found\", \"detail\": \"No app named 127\"}";
    assertThat(paastis("apps").err()).contains("does not look like the admin API");
    assertThat(paastis("events").err()).contains("does not look like the admin API");

    status = 200;
    contentType = "text/html";
    body = "<html>the dashboard</html>";
    assertThat(paastis("apps").err())
        .startsWith("paastis: the answer from " + url() + " is not JSON");
  }

  @Test
  void a_closed_port_names_the_url_and_how_to_open_the_admin_listener() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    CliRun run =
        CliRun.run(
            Map.of("PAASTIS_ADMIN_TOKEN", TOKEN, "PAASTIS_ADMIN_URL", "http://127.0.0.1:" + closed),
            "apps");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("paastis: cannot connect to the admin API at http://127.0.0.1:" + closed + " (")
        .contains("(connection refused)", "ADMIN_ENABLED=true", "--url", "PAASTIS_ADMIN_URL")
        .doesNotContain(TOKEN)
        .hasLineCount(1);

    CliRun follow =
        CliRun.run(
            Map.of("PAASTIS_ADMIN_TOKEN", TOKEN),
            "events",
            "--follow",
            "--url",
            "http://127.0.0.1:" + closed);
    assertThat(follow.exitCode()).isEqualTo(1);
    assertThat(follow.err()).startsWith("paastis: cannot connect to the admin API");
    assertThat(follow.out()).isEmpty();
  }

  @Test
  void the_stream_reader_skips_comments_and_joins_data_lines_until_the_server_ends_it() {
    contentType = "text/event-stream";
    body =
        ": keep-alive\n\n"
            + "data: {\"type\": \"APP_STARTED\",\n"
            + "data:  \"app\": \"hello\"}\n\n"
            + "event: message\nid: 7\n"
            + "data:{\"type\": \"APP_STOPPED\", \"app\": \"hello\"}\n\n";
    List<JsonNode> events = new ArrayList<>();

    assertThatThrownBy(() -> client().stream("/api/events/stream", Map.of(), () -> {}, events::add))
        .isInstanceOf(AdminApiException.class)
        .hasMessage("the admin API at " + url() + " closed the event stream (did Paastis stop?)");
    assertThat(events)
        .extracting(event -> event.path("type").asText() + " " + event.path("app").asText())
        .containsExactly("APP_STARTED hello", "APP_STOPPED hello");
  }

  @Test
  void follow_json_prints_one_object_a_line_of_the_wanted_types() {
    contentType = "text/event-stream";
    body =
        "retry: 2000\n: connected\n\n"
            + "data: {\"type\": \"APP_STARTED\", \"app\": \"a\"}\n\n"
            + "data: {\"type\": \"APP_DISCOVERED\", \"app\": \"b\"}\n\n"
            + "data: {\"type\": \"APP_STOPPED\", \"app\": \"c\"}\n\n";

    CliRun run = paastis("events", "-f", "--json", "--type", "app_started,app_stopped");

    assertThat(run.out().lines())
        .containsExactly(
            "{\"type\":\"APP_STARTED\",\"app\":\"a\"}", "{\"type\":\"APP_STOPPED\",\"app\":\"c\"}");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("closed the event stream");
    assertThat(requests).containsExactly("GET /api/events/stream Bearer " + TOKEN);
  }

  @Test
  void a_refused_stream_is_an_error_like_any_other() {
    status = 400;
    contentType = "application/problem+json";
    body = "{\"title\": \"Bad Request\", \"detail\": \"unknown filter\"}";

    List<String> opened = new ArrayList<>();

    assertThatThrownBy(
            () ->
                client().stream("/api/events/stream", Map.of(), () -> opened.add("open"), e -> {}))
        .hasMessage("unknown filter (HTTP 400)");
    assertThat(opened).isEmpty();
  }

  @Test
  void follow_refuses_since_and_limit() {
    CliRun run = paastis("events", "--follow", "--limit", "3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--since, --limit and --cursor do not go with --follow");
    assertThat(requests).isEmpty();
  }
}
