package io.kirincontract.client.internal;

import io.kirincontract.client.errors.KirinConnectionException;
import io.kirincontract.client.errors.KirinException;
import io.kirincontract.client.errors.KirinRateLimitException;
import io.kirincontract.client.errors.KirinServerException;
import io.kirincontract.client.errors.KirinTimeoutException;

/**
 * Which failures are worth another attempt. "Idempotent" is every {@code GET}, and a {@code create} whose
 * request has an {@code external_task_id} (the server refuses a second task with that id, see {@code
 * KirinClient}).
 *
 * <table>
 *   <caption>failure, retried for</caption>
 *   <tr><th>failure</th><th>idempotent</th><th>create without external id</th></tr>
 *   <tr><td>connection refused, connect timeout (request never sent)</td><td>yes</td><td>yes</td></tr>
 *   <tr><td>429, 503 (the server did nothing)</td><td>yes</td><td>yes</td></tr>
 *   <tr><td>request timeout, connection broken after sending</td><td>yes</td><td>no</td></tr>
 *   <tr><td>other 5xx</td><td>yes</td><td>no</td></tr>
 *   <tr><td>any other 4xx, unreadable answer</td><td>no</td><td>no</td></tr>
 * </table>
 */
final class RetryRules {

  private RetryRules() {}

  static boolean isRetryable(KirinException failure, boolean idempotent) {
    if (failure instanceof KirinConnectionException connection) {
      return idempotent || !connection.mayHaveReachedServer();
    }
    if (failure instanceof KirinTimeoutException) {
      return idempotent;
    }
    if (failure instanceof KirinRateLimitException) {
      return true;
    }
    if (failure instanceof KirinServerException server) {
      return idempotent || server.statusCode() == 503;
    }
    return false;
  }

  /** Whether the failed attempt may have created a task on the server. */
  static boolean mayHaveReachedServer(KirinException failure) {
    return failure instanceof KirinConnectionException connection
        ? connection.mayHaveReachedServer()
        : failure instanceof KirinTimeoutException
            || (failure instanceof KirinServerException server && server.statusCode() != 503);
  }
}
