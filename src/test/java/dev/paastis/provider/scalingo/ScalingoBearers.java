package dev.paastis.provider.scalingo;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The auth service's side of the token exchange: issues HS256 JWT bearers whose {@code exp} claim
 * (epoch seconds, rounded down) is never later than the moment the fake stops accepting them, and
 * remembers every bearer it issued. Thread-safe.
 */
final class ScalingoBearers {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER =
      BASE64URL.encodeToString(
          "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
  private static final byte[] SECRET = "fake-scalingo-secret".getBytes(StandardCharsets.UTF_8);

  private final Map<String, Instant> expiries = new HashMap<>();
  private Duration lifetime = Duration.ofHours(1);
  private int exchanges;

  synchronized void setLifetime(Duration lifetime) {
    this.lifetime = lifetime;
  }

  /** A new bearer valid for the current lifetime; counts one exchange. */
  synchronized String issue() {
    exchanges++;
    Instant now = Instant.now();
    Instant expiry = now.plus(lifetime);
    JsonObject payload =
        new JsonObject()
            .put("iss", "Scalingo Test")
            .put("iat", now.getEpochSecond())
            .put("exp", expiry.getEpochSecond())
            .put("jti", UUID.randomUUID().toString())
            .put("uuid", "us-0e6d7a5e-6b23-4b8b-9a57-2f1c1b0c9d11")
            .put("rfs", 3600);
    String unsigned =
        HEADER + "." + BASE64URL.encodeToString(payload.encode().getBytes(StandardCharsets.UTF_8));
    String token = unsigned + "." + sign(unsigned);
    expiries.put(token, expiry);
    return token;
  }

  /** Whether this bearer was issued here and has not expired. */
  synchronized boolean valid(String bearer) {
    Instant expiry = expiries.get(bearer);
    return expiry != null && Instant.now().isBefore(expiry);
  }

  synchronized void expireAll() {
    Instant now = Instant.now();
    expiries.replaceAll((token, expiry) -> now);
  }

  synchronized int exchangeCount() {
    return exchanges;
  }

  private static String sign(String unsigned) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
      return BASE64URL.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
