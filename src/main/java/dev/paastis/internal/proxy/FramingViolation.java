package dev.paastis.internal.proxy;

/**
 * A request the proxy edge refuses before it reaches an app: the status to answer with and a detail
 * naming what was wrong and what is accepted. It travels as the cause of a failed Netty {@code
 * DecoderResult} to {@link RejectedRequests}.
 */
final class FramingViolation extends RuntimeException {

  private final int status;

  FramingViolation(int status, String detail) {
    super(detail, null, false, false); // no stack trace: hostile input is not a bug of ours
    this.status = status;
  }

  static FramingViolation badRequest(String detail) {
    return new FramingViolation(400, detail);
  }

  int status() {
    return status;
  }
}
