package dev.paastis.internal.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import java.util.ArrayDeque;

/**
 * Bytes a {@link FramingGuard} received but has not passed on yet (a partial line or head, or what
 * a client sent before its upgrade was answered), oldest first. Each is either passed on or
 * released, never both.
 */
final class HeldBytes {

  private final ArrayDeque<ByteBuf> buffers = new ArrayDeque<>();
  private int size;

  void add(ByteBuf bytes) {
    buffers.add(bytes);
    size += bytes.readableBytes();
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return buffers.isEmpty();
  }

  /** Passes them all to the next handler, in order. */
  void passTo(ChannelHandlerContext ctx) {
    ByteBuf bytes;
    while ((bytes = buffers.poll()) != null) {
      ctx.fireChannelRead(bytes);
    }
    size = 0;
  }

  /** Takes them all as one buffer, which the caller then owns. */
  ByteBuf takeAll() {
    ByteBuf all = Unpooled.wrappedBuffer(buffers.toArray(ByteBuf[]::new));
    buffers.clear();
    size = 0;
    return all;
  }

  void release() {
    ByteBuf bytes;
    while ((bytes = buffers.poll()) != null) {
      bytes.release();
    }
    size = 0;
  }
}
