package io.kirincontract.conformance.server;

/** The server under test did not answer the first connectivity check. */
public final class TargetUnreachableException extends RuntimeException {

  public TargetUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
