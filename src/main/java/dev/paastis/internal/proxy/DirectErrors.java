package dev.paastis.internal.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.vertx.core.http.impl.headers.HeadersMultiMap;
import java.nio.charset.StandardCharsets;

/**
 * The responses the Netty hot path writes itself: errors, as {@link ErrorResponder} renders them.
 */
final class DirectErrors {

  private DirectErrors() {}

  /** {@code accept} is the request's Accept header (null when absent): browsers get HTML. */
  static FullHttpResponse response(ProxyError error, HttpMethod method, String accept) {
    boolean html = Browsers.acceptsHtml(accept);
    byte[] body = ErrorResponder.body(error, html).getBytes(StandardCharsets.UTF_8);
    HeadersMultiMap headers = HeadersMultiMap.httpHeaders();
    headers
        .set(HttpHeaderNames.CONTENT_TYPE, ErrorResponder.contentType(html))
        .set(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
        .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    error
        .retryAfterSeconds()
        .ifPresent(seconds -> headers.set(HttpHeaderNames.RETRY_AFTER, Integer.toString(seconds)));
    // a HEAD gets the head a GET would have had, without its body
    ByteBuf content =
        method.equals(HttpMethod.HEAD) ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body);
    return new DefaultFullHttpResponse(
        HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(error.status()),
        content,
        headers,
        HeadersMultiMap.httpHeaders());
  }

  static FullHttpResponse continueResponse() {
    return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE);
  }
}
