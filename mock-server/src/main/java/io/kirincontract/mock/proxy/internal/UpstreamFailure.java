package io.kirincontract.mock.proxy.internal;

/**
 * The upstream gave no answer: {@code 502 upstream_unreachable} (no connection, a broken or oversized answer) or
 * {@code 504 upstream_timeout} (no whole answer within the proxy timeout). The message names the upstream's base URL
 * and what happened, never a key.
 */
public final class UpstreamFailure extends Exception {

  public static final String UNREACHABLE = "upstream_unreachable";
  public static final String TIMEOUT = "upstream_timeout";

  private final int status;
  private final String code;

  private UpstreamFailure(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static UpstreamFailure unreachable(String message) {
    return new UpstreamFailure(502, UNREACHABLE, message);
  }

  static UpstreamFailure timeout(String message) {
    return new UpstreamFailure(504, TIMEOUT, message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
