package dev.paastis.demo;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * {@code GET /download?bytes=N}: N bytes of the pattern 0, 1, ..., 255, 0, 1, ... with a
 * Content-Length, written chunk by chunk as the client reads them (backpressure), never held whole.
 */
final class DownloadRoute {

  static final int CHUNK_SIZE = 64 * 1024;

  /** One chunk of the pattern; a multiple of 256 long, so every chunk starts at byte 0. */
  private final Buffer chunk = pattern(CHUNK_SIZE);

  void handle(HttpServerRequest req, long bytes) {
    HttpServerResponse resp = req.response();
    resp.putHeader(HttpHeaders.CONTENT_TYPE, "application/octet-stream")
        .putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(bytes));
    new Writer(resp, bytes).run();
  }

  static Buffer pattern(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) i;
    }
    return Buffer.buffer(bytes);
  }

  /** Writes until the queue is full, then resumes on drain. */
  private final class Writer implements Runnable {
    private final HttpServerResponse resp;
    private long remaining;

    Writer(HttpServerResponse resp, long bytes) {
      this.resp = resp;
      this.remaining = bytes;
    }

    @Override
    public void run() {
      while (remaining > 0 && !resp.writeQueueFull()) {
        if (resp.closed()) {
          return;
        }
        int size = (int) Math.min(CHUNK_SIZE, remaining);
        resp.write(size == CHUNK_SIZE ? chunk : chunk.slice(0, size));
        remaining -= size;
      }
      if (remaining == 0) {
        resp.end();
      } else {
        resp.drainHandler(drained -> run());
      }
    }
  }
}
