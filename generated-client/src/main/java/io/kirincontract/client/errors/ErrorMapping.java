package io.kirincontract.client.errors;

import java.time.Duration;
import java.util.Map;

/**
 * The one table from an HTTP error status to the exception class the client throws.
 *
 * <table>
 *   <caption>status to exception</caption>
 *   <tr><th>status</th><th>exception</th></tr>
 *   <tr><td>400, 415</td><td>{@link KirinValidationException}</td></tr>
 *   <tr><td>401, 403</td><td>{@link KirinAuthenticationException}</td></tr>
 *   <tr><td>404</td><td>{@link KirinNotFoundException}</td></tr>
 *   <tr><td>409</td><td>{@link KirinConflictException}</td></tr>
 *   <tr><td>413</td><td>{@link KirinPayloadTooLargeException} (a {@link KirinValidationException})</td></tr>
 *   <tr><td>429</td><td>{@link KirinRateLimitException}</td></tr>
 *   <tr><td>5xx</td><td>{@link KirinServerException}</td></tr>
 *   <tr><td>any other</td><td>{@link KirinApiException}</td></tr>
 * </table>
 */
public final class ErrorMapping {

  /** Builds the exception for one status from the parsed envelope and the {@code Retry-After} delay. */
  @FunctionalInterface
  private interface Factory {
    KirinApiException create(int status, KirinError error, Duration retryAfter);
  }

  private static final Map<Integer, Factory> BY_STATUS =
      Map.of(
          400, KirinValidationException::new,
          401, KirinAuthenticationException::new,
          403, KirinAuthenticationException::new,
          404, KirinNotFoundException::new,
          409, KirinConflictException::new,
          413, KirinPayloadTooLargeException::new,
          415, KirinValidationException::new,
          429, KirinRateLimitException::new);

  private ErrorMapping() {}

  /**
   * The exception for an error answer.
   *
   * @param status the HTTP status (not 2xx)
   * @param body the response body, the error envelope normally; anything else is kept as the message
   * @param retryAfter the parsed {@code Retry-After} delay, or {@code null}
   */
  public static KirinApiException fromResponse(int status, String body, Duration retryAfter) {
    Factory factory =
        BY_STATUS.getOrDefault(
            status, status >= 500 && status <= 599 ? KirinServerException::new : KirinApiException::new);
    return factory.create(status, KirinError.parse(body), retryAfter);
  }
}
