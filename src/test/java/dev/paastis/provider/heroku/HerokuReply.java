package dev.paastis.provider.heroku;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/** A response of the fake before it is written: status, JSON body, extra headers. */
record HerokuReply(int status, Object body, Map<String, String> headers) {

  static HerokuReply ok(Object body) {
    return new HerokuReply(200, body, Map.of());
  }

  static HerokuReply error(int status, String id, String message) {
    return new HerokuReply(status, HerokuJson.error(id, message), Map.of());
  }

  static HerokuReply appNotFound() {
    return new HerokuReply(
        404,
        HerokuJson.error("not_found", "Couldn't find that app.").put("resource", "app"),
        Map.of());
  }

  static HerokuReply endpointNotFound() {
    return error(
        404,
        "not_found",
        "The requested API endpoint was not found. Are you using the right HTTP verb (i.e. `GET`"
            + " vs. `POST`), and did you specify your API version in the `Accept` header?");
  }

  static HerokuReply invalidParams(String message) {
    return error(422, "invalid_params", message);
  }

  static HerokuReply missingVersion() {
    String message =
        "Please specify a version along with Heroku's API MIME type. For example, `Accept:"
            + " application/vnd.heroku+json; version=3`.\n";
    return new HerokuReply(
        400,
        new JsonObject().put("id", "missing_version").put("error", message).put("message", message),
        Map.of());
  }
}
