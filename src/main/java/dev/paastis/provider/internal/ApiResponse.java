package dev.paastis.provider.internal;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A provider API response, body read whole (API responses are small JSON documents). */
public record ApiResponse(int status, MultiMap headers, Buffer body) {

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  public JsonArray jsonArray() {
    return body.length() == 0 ? new JsonArray() : body.toJsonArray();
  }

  public JsonObject jsonObject() {
    return body.length() == 0 ? new JsonObject() : body.toJsonObject();
  }

  /** The {@code message} (or {@code error}) of a JSON error body, or the start of the body. */
  public String errorMessage() {
    try {
      JsonObject json = jsonObject();
      Object message = json.getValue("message", json.getValue("error"));
      if (message != null) {
        return message.toString().replace('\n', ' ');
      }
    } catch (RuntimeException notJson) {
      // plain-text error bodies are shown as they are, shortened
    }
    String text = body.toString().strip();
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
