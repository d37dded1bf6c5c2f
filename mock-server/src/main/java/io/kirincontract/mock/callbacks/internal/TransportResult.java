package io.kirincontract.mock.callbacks.internal;

/**
 * What one HTTP attempt returned: a status code, or an error when no response came.
 *
 * @param httpStatus the response status, or {@code null}
 * @param error the failure when there was no response, or {@code null}
 * @param retryable false when trying again cannot help (an unusable URL)
 */
record TransportResult(Integer httpStatus, String error, boolean retryable) {

  static TransportResult response(int httpStatus) {
    return new TransportResult(httpStatus, null, true);
  }

  static TransportResult failure(String error) {
    return new TransportResult(null, error, true);
  }

  static TransportResult permanentFailure(String error) {
    return new TransportResult(null, error, false);
  }

  /** Only a 2xx answer counts as delivered. */
  boolean delivered() {
    return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
  }
}
