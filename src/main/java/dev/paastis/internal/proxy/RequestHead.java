package dev.paastis.internal.proxy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Checks one request head, line by line, against RFC 9112 and decides how its body is framed.
 * Stricter than Netty where leniency lets two parsers disagree on where a message ends (request
 * smuggling): anything ambiguous is refused. Lines come without their CRLF.
 */
final class RequestHead {

  /** Transfer codings registered for HTTP/1.1 besides chunked: known, but not forwarded. */
  private static final Set<String> KNOWN_CODINGS =
      Set.of("gzip", "x-gzip", "deflate", "compress", "x-compress");

  private static final byte SP = ' ';
  private static final byte HTAB = '\t';

  private boolean http10;
  private boolean get;
  private int hosts;
  private int contentLengths;
  private long contentLength = -1;
  private String transferEncoding;
  private boolean upgradeWebSocket;

  /** How the body of a checked head is framed. */
  record Framing(long contentLength, boolean chunked, boolean webSocketUpgrade) {}

  /** {@code method SP request-target SP HTTP-version}, nothing more, nothing less. */
  void requestLine(byte[] line, int length) {
    int methodEnd = tokenEnd(line, 0, length);
    if (methodEnd == 0 || methodEnd >= length || line[methodEnd] != SP) {
      throw FramingViolation.badRequest(
          "malformed request line: expected 'METHOD SP request-target SP HTTP/1.1'");
    }
    int targetEnd = methodEnd + 1;
    while (targetEnd < length && line[targetEnd] > SP && line[targetEnd] < 0x7f) {
      targetEnd++;
    }
    if (targetEnd == methodEnd + 1 || targetEnd >= length || line[targetEnd] != SP) {
      throw FramingViolation.badRequest(
          "malformed request line: the request-target must be visible ASCII between single"
              + " spaces");
    }
    checkTarget(line, methodEnd + 1, targetEnd, isMethod(line, methodEnd, "OPTIONS"));
    checkVersion(line, targetEnd + 1, length);
    get = isMethod(line, methodEnd, "GET");
  }

  /** {@code field-name ":" OWS field-value OWS}; folded lines are refused (RFC 9112 §5.2). */
  void headerLine(byte[] line, int length) {
    int colon = checkFieldLine(line, length);
    int valueStart = colon + 1;
    while (valueStart < length && (line[valueStart] == SP || line[valueStart] == HTAB)) {
      valueStart++;
    }
    // compared as bytes: no String per header on the hot path
    if (nameIs(line, colon, "host")) {
      hosts++;
    } else if (nameIs(line, colon, "content-length")) {
      contentLengths++;
      contentLength = contentLength(line, valueStart, length);
    } else if (nameIs(line, colon, "transfer-encoding")) {
      String value = new String(line, valueStart, length - valueStart, StandardCharsets.ISO_8859_1);
      transferEncoding = transferEncoding == null ? value : transferEncoding + ", " + value;
    } else if (nameIs(line, colon, "upgrade")) {
      upgradeWebSocket =
          new String(line, valueStart, length - valueStart, StandardCharsets.ISO_8859_1)
              .trim()
              .equalsIgnoreCase("websocket");
    }
  }

  /** The head is complete: cross-field rules, then the body's framing. */
  Framing end() {
    if (hosts > 1) {
      throw FramingViolation.badRequest("more than one Host header: a request names one host");
    }
    if (contentLengths > 1) {
      throw FramingViolation.badRequest(
          "more than one Content-Length header: send exactly one, with the body's length");
    }
    if (transferEncoding == null) {
      return new Framing(Math.max(contentLength, 0), false, upgradeWebSocket && get);
    }
    if (contentLengths > 0) {
      throw FramingViolation.badRequest(
          "both Content-Length and Transfer-Encoding: send one of them (RFC 9112 §6.3)");
    }
    if (http10) {
      throw FramingViolation.badRequest(
          "Transfer-Encoding in an HTTP/1.0 request: use Content-Length, or HTTP/1.1");
    }
    checkTransferEncoding(transferEncoding);
    return new Framing(0, true, false);
  }

  /** A field line of a chunked body's trailer section: syntax only. */
  static void trailerLine(byte[] line, int length) {
    checkFieldLine(line, length);
  }

  private static int checkFieldLine(byte[] line, int length) {
    if (line[0] == SP || line[0] == HTAB) {
      throw FramingViolation.badRequest(
          "folded header line (obs-fold): each header must be on one line (RFC 9112 §5.2)");
    }
    int colon = tokenEnd(line, 0, length);
    if (colon == 0 || colon >= length || line[colon] != ':') {
      throw FramingViolation.badRequest(
          "malformed header line: expected 'Name: value', with no space before the colon");
    }
    for (int i = colon + 1; i < length; i++) {
      int b = line[i] & 0xff;
      if ((b < SP && b != HTAB) || b == 0x7f) {
        throw FramingViolation.badRequest(
            "control character in the value of header "
                + new String(line, 0, colon, StandardCharsets.US_ASCII));
      }
    }
    return colon;
  }

  private void checkVersion(byte[] line, int start, int length) {
    if (length - start == 8 && startsWith(line, start, "HTTP/1.") && line[start + 7] == '1') {
      return;
    }
    if (length - start == 8 && startsWith(line, start, "HTTP/1.") && line[start + 7] == '0') {
      http10 = true;
      return;
    }
    String version = new String(line, start, length - start, StandardCharsets.US_ASCII);
    if (version.matches("HTTP/\\d\\.\\d")) {
      throw new FramingViolation(505, "HTTP version not supported: use HTTP/1.1 or HTTP/1.0");
    }
    throw FramingViolation.badRequest(
        "malformed request line: the protocol must be HTTP/1.1 or HTTP/1.0");
  }

  private static void checkTarget(byte[] line, int start, int end, boolean options) {
    byte first = line[start];
    if (first == '/') {
      return; // origin-form
    }
    if (first == '*' && end == start + 1 && options) {
      return; // asterisk-form
    }
    String target = new String(line, start, end - start, StandardCharsets.US_ASCII);
    String lower = target.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return; // absolute-form
    }
    throw FramingViolation.badRequest(
        "malformed request-target: expected a path starting with '/', an absolute http(s) URL,"
            + " or '*' with OPTIONS");
  }

  private static long contentLength(byte[] line, int start, int length) {
    int end = length;
    while (end > start && (line[end - 1] == SP || line[end - 1] == HTAB)) {
      end--;
    }
    if (end == start || end - start > 18) {
      throw FramingViolation.badRequest(
          "malformed Content-Length: expected a decimal number of at most 18 digits");
    }
    long value = 0;
    for (int i = start; i < end; i++) {
      if (line[i] < '0' || line[i] > '9') {
        throw FramingViolation.badRequest(
            "malformed Content-Length: expected a decimal number of at most 18 digits");
      }
      value = value * 10 + (line[i] - '0');
    }
    return value;
  }

  /**
   * Only exactly {@code chunked} is accepted, as nginx does: an unknown coding is 501 (RFC 9112
   * §6.1); a final coding other than chunked leaves the length unknown, 400 (§6.3); anything else
   * (known codings before chunked, stray whitespace, chunked twice) is 400 too.
   */
  private static void checkTransferEncoding(String value) {
    if (value.equalsIgnoreCase("chunked")) {
      return;
    }
    String[] codings = value.split(",", -1);
    int chunked = 0;
    for (String coding : codings) {
      String name = coding.trim().toLowerCase(Locale.ROOT);
      if (name.equals("chunked")) {
        chunked++;
      } else if (!name.isEmpty() && !KNOWN_CODINGS.contains(name)) {
        throw new FramingViolation(
            501, "unknown transfer coding '" + printable(name) + "': Paastis accepts chunked");
      }
    }
    String last = codings[codings.length - 1].trim().toLowerCase(Locale.ROOT);
    if (!last.equals("chunked")) {
      throw FramingViolation.badRequest(
          "Transfer-Encoding must end with chunked (got '" + printable(value) + "')");
    }
    if (chunked > 1) {
      throw FramingViolation.badRequest("Transfer-Encoding names chunked more than once");
    }
    throw FramingViolation.badRequest(
        "Transfer-Encoding must be exactly 'chunked' (got '" + printable(value) + "')");
  }

  private static boolean isMethod(byte[] line, int methodEnd, String method) {
    return methodEnd == method.length() && startsWith(line, 0, method);
  }

  private static boolean startsWith(byte[] line, int start, String prefix) {
    for (int i = 0; i < prefix.length(); i++) {
      if (line[start + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the field name {@code line[0, end)} is {@code lowerCaseName}, ignoring case. */
  private static boolean nameIs(byte[] line, int end, String lowerCaseName) {
    if (end != lowerCaseName.length()) {
      return false;
    }
    for (int i = 0; i < end; i++) {
      int b = line[i];
      if (b >= 'A' && b <= 'Z') {
        b += 'a' - 'A';
      }
      if (b != lowerCaseName.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The index of the first byte at or after {@code start} that is not a token character. */
  private static int tokenEnd(byte[] line, int start, int length) {
    int i = start;
    while (i < length && isTchar(line[i])) {
      i++;
    }
    return i;
  }

  private static boolean isTchar(byte b) {
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')) {
      return true;
    }
    return "!#$%&'*+-.^_`|~".indexOf(b) >= 0;
  }

  /** A hostile value made safe to echo in a message: visible ASCII only, at most 40 characters. */
  private static String printable(String value) {
    StringBuilder safe = new StringBuilder();
    for (int i = 0; i < value.length() && safe.length() < 40; i++) {
      char c = value.charAt(i);
      safe.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return safe.toString();
  }
}
