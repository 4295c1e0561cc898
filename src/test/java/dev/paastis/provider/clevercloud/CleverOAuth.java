package dev.paastis.provider.clevercloud;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the OAuth 1.0a {@code Authorization} header of a request against the one consumer and the
 * one user token of the fake (PROVIDERS.md §3, Base URLs and auth): PLAINTEXT as clever-client.js
 * sends it, HMAC-SHA512 as the Go client and the docs sign, and HMAC-SHA1 which the docs also list.
 * Timestamps and nonces are required for HMAC but neither their freshness nor their reuse is
 * checked.
 */
final class CleverOAuth {

  private final String consumerKey;
  private final String consumerSecret;
  private final String token;
  private final String tokenSecret;

  CleverOAuth(String consumerKey, String consumerSecret, String token, String tokenSecret) {
    this.consumerKey = consumerKey;
    this.consumerSecret = consumerSecret;
    this.token = token;
    this.tokenSecret = tokenSecret;
  }

  /**
   * Null when the request is signed by the fake's consumer and token, else why it is refused.
   * {@code url} is scheme, host, port and path as the client called it, {@code query} the raw query
   * or null.
   */
  String reject(String method, String url, String query, String authorization) {
    if (authorization == null) {
      return "no Authorization header";
    }
    if (!authorization.regionMatches(true, 0, "OAuth ", 0, 6)) {
      return "Authorization is not OAuth: " + authorization;
    }
    Map<String, String> params;
    try {
      params = headerParameters(authorization.substring(6));
    } catch (IllegalArgumentException e) {
      return "malformed OAuth header: " + e.getMessage();
    }
    if (!consumerKey.equals(params.get("oauth_consumer_key"))) {
      return "unknown oauth_consumer_key: " + params.get("oauth_consumer_key");
    }
    if (!token.equals(params.get("oauth_token"))) {
      return "unknown oauth_token: " + params.get("oauth_token");
    }
    String version = params.get("oauth_version");
    if (version != null && !version.equals("1.0")) {
      return "unsupported oauth_version: " + version;
    }
    String signature = params.get("oauth_signature");
    if (signature == null) {
      return "no oauth_signature";
    }
    String signatureMethod = params.getOrDefault("oauth_signature_method", "PLAINTEXT");
    String key = encode(consumerSecret) + "&" + encode(tokenSecret);
    return switch (signatureMethod) {
      case "PLAINTEXT" ->
          same(key, signature) ? null : "PLAINTEXT signature mismatch: got " + signature;
      case "HMAC-SHA512" -> checkHmac("HmacSHA512", method, url, query, params, key);
      case "HMAC-SHA1" -> checkHmac("HmacSHA1", method, url, query, params, key);
      default -> "unsupported oauth_signature_method: " + signatureMethod;
    };
  }

  private static String checkHmac(
      String algorithm,
      String method,
      String url,
      String query,
      Map<String, String> params,
      String key) {
    for (String required : List.of("oauth_nonce", "oauth_timestamp")) {
      if (params.get(required) == null) {
        return "no " + required + " with " + params.get("oauth_signature_method");
      }
    }
    String base = baseString(method, url, query, params);
    String expected = hmac(algorithm, key, base);
    if (same(expected, params.get("oauth_signature"))) {
      return null;
    }
    return params.get("oauth_signature_method")
        + " signature mismatch: got "
        + params.get("oauth_signature")
        + ", expected "
        + expected
        + " for base string "
        + base;
  }

  /**
   * {@code METHOD&enc(url)&enc(params)}, params being every oauth_* parameter but the signature and
   * every query parameter, each encoded, sorted by key then value, joined by {@code &}.
   */
  static String baseString(
      String method, String url, String query, Map<String, String> oauthParams) {
    List<String[]> pairs = new ArrayList<>();
    oauthParams.forEach(
        (name, value) -> {
          if (!name.equals("oauth_signature") && !name.equals("realm")) {
            pairs.add(new String[] {encode(name), encode(value)});
          }
        });
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        pairs.add(
            new String[] {
              encode(URLDecoder.decode(name, StandardCharsets.UTF_8)),
              encode(URLDecoder.decode(value, StandardCharsets.UTF_8))
            });
      }
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    List<String> joined = new ArrayList<>();
    pairs.forEach(pair -> joined.add(pair[0] + "=" + pair[1]));
    return method.toUpperCase() + "&" + encode(url) + "&" + encode(String.join("&", joined));
  }

  static String hmac(String algorithm, String key, String base) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
      return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The decoded parameters of {@code k="v", k2="v2"}, in header order. */
  static Map<String, String> headerParameters(String header) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String part : header.split(",")) {
      String trimmed = part.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException("no '=' in " + trimmed);
      }
      String name = trimmed.substring(0, equals).trim();
      String value = trimmed.substring(equals + 1).trim();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      params.put(decode(name), decode(value));
    }
    return params;
  }

  /** RFC 3986 percent-encoding: only {@code A-Za-z0-9-._~} are kept. */
  static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** Percent-decoding that keeps {@code +} (OAuth values are RFC 3986, not form, encoded). */
  static String decode(String value) {
    return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static boolean same(String expected, String actual) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }
}
