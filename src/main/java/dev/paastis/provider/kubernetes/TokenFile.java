package dev.paastis.provider.kubernetes;

import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.nio.file.Path;

/**
 * A service account token read from its file, again once a minute: the kubelet replaces the file
 * before the token expires (bound tokens live an hour), and the client asks for the token at every
 * request.
 */
final class TokenFile implements OAuthTokenProvider {

  private static final long REREAD_NANOS = 60_000_000_000L;

  private final Path file;
  private String token;
  private long readAtNanos;

  TokenFile(Path file) {
    this.file = file;
  }

  @Override
  public synchronized String getToken() {
    long now = System.nanoTime();
    if (token == null || now - readAtNanos >= REREAD_NANOS) {
      token = KubeConnection.read(file).trim();
      readAtNanos = now;
    }
    return token;
  }
}
