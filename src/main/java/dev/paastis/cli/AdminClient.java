package dev.paastis.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * A blocking client of the admin API (docs/admin-api.md) for the CLI. Every failure becomes an
 * {@link AdminApiException} with a one-line message that names the URL and never the token.
 */
final class AdminClient {

  static final ObjectMapper JSON = new ObjectMapper();

  /** How long a plain call may take; a call that waits for an app has no limit but the server's. */
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Charset UTF8 = StandardCharsets.UTF_8;

  private final URI base;
  private final AdminOptions.Token token;
  private final HttpClient http;

  AdminClient(URI base, AdminOptions.Token token) {
    this.base = base;
    this.token = token;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
  }

  /** {@code GET path?query}: the JSON answer. */
  JsonNode get(String path, Map<String, String> query) {
    return call(request(path, query, "application/json").timeout(ANSWER_TIMEOUT).GET().build());
  }

  /** {@code POST path?query} without a body: the JSON answer; {@code waits} lifts the timeout. */
  JsonNode post(String path, Map<String, String> query, boolean waits) {
    HttpRequest.Builder request =
        request(path, query, "application/json").POST(HttpRequest.BodyPublishers.noBody());
    return call((waits ? request : request.timeout(ANSWER_TIMEOUT)).build());
  }

  /** {@code DELETE path?query}: the JSON answer. */
  JsonNode delete(String path, Map<String, String> query) {
    return call(request(path, query, "application/json").timeout(ANSWER_TIMEOUT).DELETE().build());
  }

  /**
   * Reads the {@code text/event-stream} at {@code path}: runs {@code onOpen} once the server
   * accepted it, then hands each event's JSON to {@code onEvent}, both on this thread, until the
   * thread is interrupted (then it returns) or the server ends the stream. The body is read
   * asynchronously: a blocking read of the JDK client ignores interruption.
   */
  void stream(String path, Map<String, String> query, Runnable onOpen, Consumer<JsonNode> onEvent) {
    HttpRequest request = request(path, query, "text/event-stream").GET().build();
    LineQueue lines = new LineQueue();
    CompletableFuture<HttpResponse<String>> response =
        http.sendAsync(
            request,
            info ->
                info.statusCode() / 100 == 2
                    ? BodySubscribers.mapping(
                        BodySubscribers.fromLineSubscriber(lines), nothing -> "")
                    : BodySubscribers.ofString(UTF8));
    response.whenComplete((answer, failure) -> lines.end());
    try {
      StringBuilder data = new StringBuilder();
      boolean opened = false;
      for (Optional<String> next = lines.take(); next.isPresent(); next = lines.take()) {
        if (!opened) {
          opened = true; // only the body of a successful answer is read line by line
          onOpen.run();
        }
        String line = next.get();
        if (line.isEmpty() && data.length() > 0) {
          onEvent.accept(parse(data.toString()));
          data.setLength(0);
        } else if (line.startsWith("data:")) {
          // one space after the colon belongs to the syntax; several data lines join with \n
          data.append(data.length() > 0 ? "\n" : "")
              .append(line.substring(5).replaceFirst("^ ", ""));
        }
        // comments (": keep-alive") and the event, id and retry fields say nothing we show
      }
    } catch (InterruptedException e) {
      lines.cancel();
      response.cancel(true);
      Thread.currentThread().interrupt();
      return;
    }
    HttpResponse<String> answer;
    try {
      answer = response.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof IOException failure
          ? translate(failure)
          : new AdminApiException("the event stream from " + base + " broke: " + reason(e));
    }
    if (answer.statusCode() / 100 != 2) {
      throw failure(answer);
    }
    throw new AdminApiException(
        "the admin API at " + base + " closed the event stream (did Paastis stop?)");
  }

  /** Indented JSON, as {@code --json} prints it. */
  static String pretty(JsonNode json) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON tree always prints", e);
    }
  }

  /** The instant in an ISO-8601 text field; empty when it is null, absent or not a time. */
  static Optional<Instant> instant(JsonNode field) {
    if (!field.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(field.asText()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** {@code /api/apps/{name}}: each segment percent-encoded. */
  static String path(String... segments) {
    StringBuilder path = new StringBuilder();
    for (String segment : segments) {
      path.append('/').append(URLEncoder.encode(segment, UTF8).replace("+", "%20"));
    }
    return path.toString();
  }

  private HttpRequest.Builder request(String path, Map<String, String> query, String accept) {
    StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
    query.forEach((name, value) -> parameters.add(name + "=" + URLEncoder.encode(value, UTF8)));
    return HttpRequest.newBuilder(URI.create(base + path + parameters))
        .header("Authorization", "Bearer " + token.value())
        .header("Accept", accept);
  }

  private JsonNode call(HttpRequest request) {
    HttpResponse<String> response = exchange(request, BodyHandlers.ofString(UTF8));
    if (response.statusCode() / 100 != 2) {
      throw failure(response);
    }
    return response.body().isBlank() ? MissingNode.getInstance() : parse(response.body());
  }

  private <T> HttpResponse<T> exchange(HttpRequest request, BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      throw translate(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdminApiException("interrupted while calling the admin API at " + base);
    }
  }

  private AdminApiException translate(IOException failure) {
    if (failure instanceof HttpConnectTimeoutException) {
      return cannotConnect("no answer within " + CONNECT_TIMEOUT.toSeconds() + "s");
    }
    if (failure instanceof HttpTimeoutException) {
      return new AdminApiException(
          "the admin API at "
              + base
              + " did not answer within "
              + ANSWER_TIMEOUT.toSeconds()
              + "s");
    }
    if (failure instanceof ConnectException) {
      // the JDK says nothing about a refused connection: no message anywhere in the chain
      String reason = reason(failure);
      return cannotConnect(reason.endsWith("Exception") ? "connection refused" : reason);
    }
    return new AdminApiException(
        "the call to the admin API at " + base + " failed: " + reason(failure));
  }

  private AdminApiException cannotConnect(String reason) {
    return new AdminApiException(
        "cannot connect to the admin API at "
            + base
            + " ("
            + reason
            + "): is Paastis running with ADMIN_ENABLED=true? Point --url (or "
            + AdminOptions.URL_VARIABLE
            + ") at its admin listener");
  }

  /**
   * The error an answer stands for: the {@code detail} of a problem. Any other answer (a front's),
   * or a 404 for a route that always exists (the proxy port answers every path with one), means
   * {@code --url} points at something else.
   */
  private AdminApiException failure(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 401) {
      return new AdminApiException(
          "the admin API at "
              + base
              + " refused the token from "
              + token.source()
              + " (HTTP 401): set the right one with --token, "
              + AdminOptions.TOKEN_VARIABLE
              + " or "
              + AdminOptions.SERVER_TOKEN_VARIABLE);
    }
    boolean isProblem =
        response
            .headers()
            .firstValue("content-type")
            .filter(type -> type.toLowerCase(Locale.ROOT).startsWith("application/problem+json"))
            .isPresent();
    JsonNode problem;
    try {
      problem = isProblem ? JSON.readTree(response.body()) : MissingNode.getInstance();
    } catch (JsonProcessingException notJson) {
      problem = MissingNode.getInstance();
    }
    String detail = problem.path("detail").asText(problem.path("title").asText(""));
    boolean appRoute = response.request().uri().getPath().startsWith(base.getPath() + "/api/apps/");
    if (detail.isBlank() || (status == 404 && !appRoute)) {
      return new AdminApiException(
          "HTTP "
              + status
              + " from "
              + base
              + ", which does not look like the admin API: check --url");
    }
    return new AdminApiException(detail + " (HTTP " + status + ")");
  }

  private JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AdminApiException(
          "the answer from " + base + " is not JSON: is --url the admin listener of Paastis?");
    }
  }

  /** The most precise words the exception chain has: "Connection refused", "unknown host". */
  private static String reason(Throwable failure) {
    String reason = failure.getClass().getSimpleName();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnresolvedAddressException) {
        return "unknown host";
      }
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        reason = cause.getMessage();
      }
    }
    return reason;
  }
}
