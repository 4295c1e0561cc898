package dev.paastis.internal.admin;

import dev.paastis.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/** A token that requests must present, compared in constant time. */
final class ApiToken {

  private final byte[] expected;

  ApiToken(Secret token) {
    this.expected = Objects.requireNonNull(token, "token").value().getBytes(StandardCharsets.UTF_8);
  }

  /** Constant-time, so that the token cannot be guessed from response times. */
  boolean matches(String given) {
    return given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
  }
}
