package io.kirincontract.client.errors;

/**
 * No HTTP answer: the connection was refused, timed out while connecting, or broke. {@link
 * #mayHaveReachedServer()} tells whether the request may have been received, which decides whether a {@code
 * create} can be retried safely.
 */
public class KirinConnectionException extends KirinException {

  private static final long serialVersionUID = 1L;

  private final boolean mayHaveReachedServer;

  public KirinConnectionException(String message, Throwable cause, boolean mayHaveReachedServer) {
    super(message, cause);
    this.mayHaveReachedServer = mayHaveReachedServer;
  }

  /**
   * {@code false} when the request certainly did not reach the server (connection refused, connect timeout);
   * {@code true} when it may have (the connection broke after the request was written).
   */
  public boolean mayHaveReachedServer() {
    return mayHaveReachedServer;
  }
}
