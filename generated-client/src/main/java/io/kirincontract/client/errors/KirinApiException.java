package io.kirincontract.client.errors;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The server answered with an error status and (normally) the error envelope. {@link ErrorMapping} picks the
 * subclass from the status; this class itself is used for statuses without a subclass (for example {@code
 * 405}).
 */
public class KirinApiException extends KirinException {

  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final KirinError error;
  private final Duration retryAfter;

  /**
   * @param statusCode the HTTP status
   * @param error the envelope's {@code error} (see {@link KirinError#parse(String)})
   * @param retryAfter the {@code Retry-After} delay the server asked for, or {@code null}
   */
  public KirinApiException(int statusCode, KirinError error, Duration retryAfter) {
    super("HTTP " + statusCode + " " + Objects.requireNonNull(error, "error"));
    this.statusCode = statusCode;
    this.error = error;
    this.retryAfter = retryAfter;
  }

  public int statusCode() {
    return statusCode;
  }

  /**
   * The code exactly as sent ({@code "002015002"}, {@code "invalid_parameter"}); {@code null} without
   * envelope.
   */
  public String code() {
    return error.code();
  }

  /**
   * The code as a known constant, {@link KirinErrorCode#UNKNOWN} when absent or not in this client's catalog.
   */
  public KirinErrorCode errorCode() {
    return error.errorCode();
  }

  /** The server's message: what is wrong and how to fix it. */
  public String errorMessage() {
    return error.errorMessage();
  }

  /** The offending field as a dotted JSON path, when the server named one. */
  public Optional<String> param() {
    return Optional.ofNullable(error.param());
  }

  /**
   * The id of the broken rule ({@code x-kirin-rules} or a derived per-field id), when the server named one.
   */
  public Optional<String> rule() {
    return Optional.ofNullable(error.rule());
  }

  /** Every problem found when there were several (the first repeats the top level); otherwise empty. */
  public List<KirinError> details() {
    return error.details();
  }

  /** The whole {@code error} object. */
  public KirinError error() {
    return error;
  }

  /** The delay the server asked for in {@code Retry-After} ({@code 429}, {@code 503}), if any. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
