package io.kirincontract.client.errors;

/**
 * A callback's {@code X-Kirin-Signature} did not verify: missing, malformed, too old (or too far ahead), or not
 * made with the shared secret over this body. Answer the delivery with {@code 400} (or {@code 401}) and do not act
 * on the body. {@link #reason()} says which, for logs.
 */
public final class KirinSignatureException extends KirinException {

  private static final long serialVersionUID = 1L;

  /** Why the signature was refused. */
  public enum Reason {
    /** No {@code X-Kirin-Signature} header. */
    MISSING,
    /** The header is not {@code t=<unix seconds>,v1=<hex>}. */
    MALFORMED,
    /** {@code t} is outside the tolerance (5 minutes by default) of the receiver's clock. */
    OUTSIDE_TOLERANCE,
    /** No {@code v1} value is the HMAC-SHA256 of {@code "<t>.<raw body>"} with the secret. */
    MISMATCH
  }

  private final Reason reason;

  public KirinSignatureException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
