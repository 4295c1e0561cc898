package dev.paastis.provider.clevercloud;

import io.vertx.core.json.JsonObject;

/** A response of the fake before it is written: status and JSON body (object or array). */
record CleverReply(int status, Object body) {

  static CleverReply ok(Object body) {
    return new CleverReply(200, body);
  }

  /** The v2 error shape {@code {"id":<int>,"message":"…","type":"error"}} (PROVIDERS.md §3). */
  static CleverReply error(int status, int id, String message) {
    return new CleverReply(
        status, new JsonObject().put("id", id).put("message", message).put("type", "error"));
  }

  static CleverReply unauthorized() {
    return error(401, 401, "Unauthorized");
  }

  static CleverReply appNotFound() {
    return error(404, 4004, "Application not found");
  }

  static CleverReply organisationNotFound() {
    return error(404, 404, "Organisation not found");
  }

  static CleverReply deploymentNotFound() {
    return error(404, 404, "Deployment not found");
  }

  static CleverReply endpointNotFound() {
    return error(404, 404, "Not Found");
  }

  /** {@code {"id":200,"message":…,"type":"success"}}, the answer of start and stop. */
  static CleverReply success(String message) {
    return ok(new JsonObject().put("id", 200).put("message", message).put("type", "success"));
  }
}
