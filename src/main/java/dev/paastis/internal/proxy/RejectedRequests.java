package dev.paastis.internal.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Vert.x's invalid-request handler for the proxy port: answers a request the edge refused ({@link
 * FramingGuard}, or Netty's decoder) with its status and a problem+json detail naming what was
 * wrong, then closes the connection, since after a framing error nothing that follows on it can be
 * trusted. The status line is always HTTP/1.1, whatever the client claimed to speak.
 */
final class RejectedRequests {

  private RejectedRequests() {}

  static void answer(HttpServerRequest request) {
    ProxyError error = error(request.decoderResult().cause());
    request.response().putHeader("connection", "close");
    ErrorResponder.send(request, error);
    request.connection().close();
  }

  /**
   * The whole HTTP/1.1 response for a violation found inside a body that Vert.x already handed on,
   * written by {@link FramingGuard} straight to the socket, ahead of the connection's close.
   */
  static ByteBuf raw(FramingViolation violation) {
    ProxyError error = error(violation);
    byte[] body = error.problem().encode().getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + error.status()
            + " "
            + error.title()
            + "\r\ncontent-type: application/problem+json\r\ncache-control: no-store"
            + "\r\nconnection: close\r\ncontent-length: "
            + body.length
            + "\r\n\r\n";
    return Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII), body);
  }

  static ProxyError error(Throwable cause) {
    if (cause instanceof FramingViolation violation) {
      return error(violation.status(), violation.getMessage());
    }
    if (cause instanceof TooLongHttpLineException) {
      return error(414, "request line too long");
    }
    if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
      return error(431, "request headers too large");
    }
    return error(400, "malformed HTTP/1.1 request");
  }

  private static ProxyError error(int status, String detail) {
    String title = HttpResponseStatus.valueOf(status).reasonPhrase();
    return new ProxyError(status, title, detail, Optional.empty(), Optional.empty());
  }
}
