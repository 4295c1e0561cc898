import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * The floor of a JVM reverse proxy on this machine, for bench/RESULTS.md: Netty's HTTP/1.1 codecs
 * on both sides, one pool of keep-alive upstream connections per event loop, headers copied as a
 * proxy must (hop-by-hop dropped, X-Forwarded-For added), nothing else: no routing, no wake, no
 * framing guard, no timeouts, bodyless requests only. Not a product: a measuring stick, like nginx.
 * On the transport Paastis takes by default: io_uring where the kernel allows it, else epoll.
 *
 * <p>Run: java -cp target/paastis.jar bench/floor/NettyProxyFloor.java PORT UPSTREAM_PORT [LOOPS]
 */
public final class NettyProxyFloor {

  private static final boolean URING = IoUring.isAvailable();
  private static final Class<? extends Channel> SOCKET =
      URING ? IoUringSocketChannel.class : EpollSocketChannel.class;

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    InetSocketAddress upstream = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1]));
    int loops = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    IoHandlerFactory io = URING ? IoUringIoHandler.newFactory() : EpollIoHandler.newFactory();
    Class<? extends ServerChannel> server =
        URING ? IoUringServerSocketChannel.class : EpollServerSocketChannel.class;
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(loops, io);
    new ServerBootstrap()
        .group(group)
        .channel(server)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(
            new ChannelInitializer<Channel>() {
              @Override
              protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new HttpServerCodec(), new Front(upstream));
              }
            })
        .bind(port)
        .sync();
    System.out.println(
        "netty proxy floor on " + port + " -> " + upstream + ", " + loops + " loops, "
            + (URING ? "io_uring" : "epoll"));
  }

  /** Idle upstream connections of one event loop (event-loop confined). */
  static final class Pool {
    private static final ThreadLocal<Pool> OF_LOOP = ThreadLocal.withInitial(Pool::new);
    final ArrayDeque<Channel> idle = new ArrayDeque<>();

    static Pool current() {
      return OF_LOOP.get();
    }
  }

  /** The client side: one request at a time per connection (HTTP/1.1 without pipelining). */
  static final class Front extends SimpleChannelInboundHandler<HttpObject> {
    private final InetSocketAddress upstream;

    Front(InetSocketAddress upstream) {
      this.upstream = upstream;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
      if (!(msg instanceof HttpRequest request)) {
        return; // the LastHttpContent of a bodyless request
      }
      DefaultHttpHeaders headers = new DefaultHttpHeaders(false);
      String connection = request.headers().get(HttpHeaderNames.CONNECTION);
      for (Map.Entry<String, String> header : request.headers()) {
        String name = header.getKey();
        if (!name.equalsIgnoreCase("connection")
            && !name.equalsIgnoreCase("keep-alive")
            && (connection == null || !connection.contains(name))) {
          headers.add(name, header.getValue());
        }
      }
      InetSocketAddress client = (InetSocketAddress) ctx.channel().remoteAddress();
      headers.set("x-forwarded-for", client.getAddress().getHostAddress());
      headers.set("x-forwarded-proto", "http");
      DefaultFullHttpRequest out =
          new DefaultFullHttpRequest(
              HttpVersion.HTTP_1_1,
              request.method(),
              request.uri(),
              Unpooled.EMPTY_BUFFER,
              headers,
              DefaultHttpHeaders.EMPTY_HEADERS);
      Channel front = ctx.channel();
      Channel back = Pool.current().idle.pollFirst();
      if (back != null && back.isActive()) {
        send(back, front, out);
        return;
      }
      new Bootstrap()
          .group((EventLoop) front.eventLoop())
          .channel(SOCKET)
          .option(ChannelOption.TCP_NODELAY, true)
          .handler(
              new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel ch) {
                  ch.pipeline().addLast(new HttpClientCodec(), new Back());
                }
              })
          .connect(upstream)
          .addListener(
              (ChannelFutureListener)
                  f -> {
                    if (f.isSuccess()) {
                      send(f.channel(), front, out);
                    } else {
                      front.close();
                    }
                  });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close(); // a client that left: nothing to report in a measuring stick
    }

    private static void send(Channel back, Channel front, DefaultFullHttpRequest out) {
      back.pipeline().get(Back.class).front = front;
      back.writeAndFlush(out, back.voidPromise());
    }
  }

  /** The upstream side: relays the response to the client, then goes back to the pool. */
  static final class Back extends SimpleChannelInboundHandler<HttpObject> {
    Channel front;

    Back() {
      super(false);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
      if (msg instanceof HttpResponse response) {
        response.headers().remove(HttpHeaderNames.CONNECTION).remove("keep-alive");
      }
      if (msg instanceof LastHttpContent) {
        front.writeAndFlush(msg, front.voidPromise());
        front = null;
        Pool.current().idle.addFirst(ctx.channel());
      } else {
        front.write(msg, front.voidPromise());
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
