package io.kirincontract.conformance.clientkit;

/** The kit could not run (the command not found, the mock would not start): exit code 2 on the command line. */
public final class ClientKitException extends RuntimeException {

  public ClientKitException(String message, Throwable cause) {
    super(message, cause);
  }

  public ClientKitException(String message) {
    super(message);
  }
}
