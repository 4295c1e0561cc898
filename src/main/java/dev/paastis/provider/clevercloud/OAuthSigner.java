package dev.paastis.provider.clevercloud;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs Clever Cloud API requests with OAuth 1.0a (RFC 5849), as PROVIDERS.md §3 describes:
 * PLAINTEXT the way clever-client.js sends it (consumer key, token and the signature only), or
 * HMAC-SHA512 with nonce and timestamp over the base string {@code METHOD&url&params}.
 */
final class OAuthSigner {

  enum Method {
    PLAINTEXT,
    HMAC_SHA512
  }

  private final Method method;
  private final String consumerKey;
  private final String consumerSecret;
  private final String token;
  private final String tokenSecret;
  private final Supplier<String> nonces;
  private final LongSupplier seconds;

  OAuthSigner(
      Method method,
      String consumerKey,
      String consumerSecret,
      String token,
      String tokenSecret,
      Supplier<String> nonces,
      LongSupplier seconds) {
    this.method = method;
    this.consumerKey = consumerKey;
    this.consumerSecret = consumerSecret;
    this.token = token;
    this.tokenSecret = tokenSecret;
    this.nonces = nonces;
    this.seconds = seconds;
  }

  static OAuthSigner create(
      Method method, String consumerKey, String consumerSecret, String token, String tokenSecret) {
    SecureRandom random = new SecureRandom();
    return new OAuthSigner(
        method,
        consumerKey,
        consumerSecret,
        token,
        tokenSecret,
        () -> Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()),
        () -> System.currentTimeMillis() / 1000);
  }

  /** The {@code Authorization} header value for a request. */
  String authorization(String httpMethod, URI url) {
    String key = encode(consumerSecret) + "&" + encode(tokenSecret);
    if (method == Method.PLAINTEXT) {
      return header(
          Map.of("oauth_consumer_key", consumerKey, "oauth_token", token, "oauth_signature", key));
    }
    Map<String, String> params = new TreeMap<>();
    params.put("oauth_consumer_key", consumerKey);
    params.put("oauth_nonce", nonces.get());
    params.put("oauth_signature_method", "HMAC-SHA512");
    params.put("oauth_timestamp", Long.toString(seconds.getAsLong()));
    params.put("oauth_token", token);
    params.put("oauth_version", "1.0");
    Map<String, String> signed = new TreeMap<>(params);
    signed.putAll(queryParameters(url));
    params.put("oauth_signature", hmacSha512(key, baseString(httpMethod, url, signed)));
    return header(params);
  }

  /** {@code METHOD&enc(scheme://host[:port]/path)&enc(sorted k=v&...)}. */
  static String baseString(String httpMethod, URI url, Map<String, String> params) {
    String normalized =
        url.getScheme().toLowerCase()
            + "://"
            + url.getHost().toLowerCase()
            + (isDefaultPort(url) ? "" : ":" + url.getPort())
            + url.getRawPath();
    String parameters =
        new TreeMap<>(params)
            .entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .sorted()
                .collect(Collectors.joining("&"));
    return httpMethod.toUpperCase() + "&" + encode(normalized) + "&" + encode(parameters);
  }

  /** RFC 3986 percent-encoding: only {@code A-Z a-z 0-9 - . _ ~} stay as they are. */
  static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return out.toString();
  }

  private static boolean isDefaultPort(URI url) {
    int port = url.getPort();
    return port == -1
        || (port == 80 && url.getScheme().equalsIgnoreCase("http"))
        || (port == 443 && url.getScheme().equalsIgnoreCase("https"));
  }

  private static Map<String, String> queryParameters(URI url) {
    Map<String, String> query = new TreeMap<>();
    String raw = url.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      query.put(decode(name), decode(value));
    }
    return query;
  }

  private static String decode(String value) {
    return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  private static String hmacSha512(String key, String base) {
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
      return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA512 is not available in this JVM", e);
    }
  }

  private static String header(Map<String, String> params) {
    return "OAuth "
        + new TreeMap<>(params)
            .entrySet().stream()
                .map(entry -> entry.getKey() + "=\"" + encode(entry.getValue()) + "\"")
                .collect(Collectors.joining(", "));
  }
}
