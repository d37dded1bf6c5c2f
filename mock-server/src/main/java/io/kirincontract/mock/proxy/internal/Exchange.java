package io.kirincontract.mock.proxy.internal;

import java.time.Instant;

/**
 * One proxied exchange as the judge sees it: the request without its key (named by {@code key_id}) and the
 * upstream's answer, or the mock's own {@code 502}/{@code 504} when there was none.
 *
 * @param contentType the request's {@code Content-Type}, or {@code null}
 * @param query the raw query string, or {@code null}
 * @param upstreamBody the upstream's body; empty when it gave no answer
 * @param failureCode {@code upstream_unreachable} or {@code upstream_timeout} when the upstream gave no answer, else
 *     {@code null}
 */
public record Exchange(
    Instant at,
    String method,
    String path,
    String query,
    String keyId,
    String contentType,
    byte[] body,
    int upstreamStatus,
    String upstreamContentType,
    byte[] upstreamBody,
    String failureCode) {

  /** Whether the caller got the mock's {@code 502}/{@code 504} instead of an upstream answer. */
  public boolean unanswered() {
    return failureCode != null;
  }
}
