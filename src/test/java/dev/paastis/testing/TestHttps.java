package dev.paastis.testing;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.SelfSignedCertificate;
import java.io.File;

/**
 * An HTTPS server on loopback with a self-signed certificate for {@code localhost}, which the JVM
 * does not trust: for the checks an HTTPS upstream must pass. Close it to delete its files.
 */
public final class TestHttps implements AutoCloseable {

  private final SelfSignedCertificate certificate = SelfSignedCertificate.create("localhost");
  private final int port;

  private TestHttps(
      Vertx vertx, Handler<HttpConnection> connections, Handler<HttpServerRequest> requests) {
    this.port =
        vertx
            .createHttpServer(
                new HttpServerOptions()
                    .setSsl(true)
                    .setSni(true)
                    .setKeyCertOptions(
                        new PemKeyCertOptions()
                            .setCertPath(certificate.certificatePath())
                            .setKeyPath(certificate.privateKeyPath())))
            .connectionHandler(connections)
            .requestHandler(requests)
            .listen(0, "127.0.0.1")
            .await()
            .actualPort();
  }

  /** {@code connections} sees each connection once its TLS handshake is done. */
  public static TestHttps start(
      Vertx vertx, Handler<HttpConnection> connections, Handler<HttpServerRequest> requests) {
    return new TestHttps(vertx, connections, requests);
  }

  public int port() {
    return port;
  }

  /** The certificate, PEM, for a client that is told to trust it. */
  public File certificateFile() {
    return new File(certificate.certificatePath());
  }

  @Override
  public void close() {
    certificate.delete();
  }
}
