package io.kirincontract.client;

import io.kirincontract.client.errors.KirinSignatureException;
import io.kirincontract.client.errors.KirinSignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies signed callbacks. A server started with a callback secret ({@code --callback-secret}) sends each
 * callback with
 *
 * <pre>{@code X-Kirin-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">}</pre>
 *
 * <p>The HMAC key is the secret's UTF-8 bytes; the message is {@code t} as sent, a dot, and the request body
 * byte for byte (verify before parsing, on the raw bytes). A signature is accepted when one of its {@code v1}
 * values matches (compared in constant time) and {@code t} is within the tolerance of this receiver's clock, 5
 * minutes by default, in either direction: an old delivery replayed later is refused. Retries are signed afresh.
 *
 * <pre>{@code
 * KirinCallbackSignature signatures = KirinCallbackSignature.withSecret(System.getenv("KIRIN_CALLBACK_SECRET"));
 * // in the receiver's handler:
 * signatures.verify(request.header("X-Kirin-Signature"), rawBody);   // throws KirinSignatureException
 * Task task = KirinCallbacks.parse(rawBody);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class KirinCallbackSignature {

  /** The header that carries the signature. */
  public static final String HEADER = "X-Kirin-Signature";

  /** How far {@code t} may be from the receiver's clock by default. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final Duration tolerance;
  private final Clock clock;

  private KirinCallbackSignature(SecretKeySpec key, Duration tolerance, Clock clock) {
    this.key = key;
    this.tolerance = tolerance;
    this.clock = clock;
  }

  /**
   * A verifier for callbacks signed with {@code secret}, with the 5-minute tolerance and the system clock.
   *
   * @throws IllegalArgumentException when the secret is empty or blank
   */
  public static KirinCallbackSignature withSecret(String secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.isBlank()) {
      throw new IllegalArgumentException("the callback secret must not be empty");
    }
    return new KirinCallbackSignature(
        new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM),
        DEFAULT_TOLERANCE,
        Clock.systemUTC());
  }

  /** The same verifier with another tolerance (positive). */
  public KirinCallbackSignature withTolerance(Duration value) {
    Objects.requireNonNull(value, "tolerance");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("the tolerance must be positive, was " + value);
    }
    return new KirinCallbackSignature(key, value, clock);
  }

  /** The same verifier reading the time from {@code value} (tests). */
  public KirinCallbackSignature withClock(Clock value) {
    return new KirinCallbackSignature(key, tolerance, Objects.requireNonNull(value, "clock"));
  }

  /**
   * Checks the signature of one callback.
   *
   * @param header the {@code X-Kirin-Signature} header's value, or {@code null} when absent
   * @param rawBody the request body exactly as received
   * @throws KirinSignatureException when the signature is missing, malformed, outside the tolerance or wrong
   */
  public void verify(String header, byte[] rawBody) {
    Objects.requireNonNull(rawBody, "rawBody");
    if (header == null || header.isBlank()) {
      throw new KirinSignatureException(Reason.MISSING, "the callback has no " + HEADER + " header");
    }
    String t = null;
    List<String> signatures = new ArrayList<>(1);
    for (String part : header.split(",")) {
      int equals = part.indexOf('=');
      if (equals < 0) {
        throw malformed(header);
      }
      String name = part.substring(0, equals).trim();
      String value = part.substring(equals + 1).trim();
      if (name.equals("t")) {
        if (t != null) {
          throw malformed(header);
        }
        t = value;
      } else if (name.equals("v1")) {
        signatures.add(value);
      } // other schemes (v0, v2, ...) are ignored
    }
    if (t == null || signatures.isEmpty() || !t.matches("\\d{1,18}")) {
      throw malformed(header);
    }
    long sent = Long.parseLong(t);
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - sent) > tolerance.toSeconds()) {
      throw new KirinSignatureException(
          Reason.OUTSIDE_TOLERANCE,
          "the callback was signed at t="
              + sent
              + ", "
              + Math.abs(now - sent)
              + " s from this receiver's clock; at most "
              + tolerance.toSeconds()
              + " s are accepted");
    }
    byte[] expected = hmac(t, rawBody);
    for (String signature : signatures) {
      byte[] given;
      try {
        given = HexFormat.of().parseHex(signature.toLowerCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (MessageDigest.isEqual(expected, given)) {
        return;
      }
    }
    throw new KirinSignatureException(
        Reason.MISMATCH, "the callback's signature does not match its body and the shared secret");
  }

  /** {@link #verify} as a boolean: true when the signature is valid. */
  public boolean isValid(String header, byte[] rawBody) {
    try {
      verify(header, rawBody);
      return true;
    } catch (KirinSignatureException e) {
      return false;
    }
  }

  /**
   * The header value a server with this secret sends for {@code rawBody} at {@code unixSeconds}: for tests of a
   * receiver, and to document the scheme in code.
   */
  public String sign(long unixSeconds, byte[] rawBody) {
    String t = Long.toString(unixSeconds);
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(t, rawBody));
  }

  private byte[] hmac(String t, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(t.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '.');
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e); // every Java 17 runtime has it
    }
  }

  private static KirinSignatureException malformed(String header) {
    String shown = header.length() > 120 ? header.substring(0, 120) + "..." : header;
    return new KirinSignatureException(
        Reason.MALFORMED, HEADER + " is not t=<unix seconds>,v1=<hex HMAC-SHA256>: '" + shown + "'");
  }

  @Override
  public String toString() {
    return "KirinCallbackSignature[HMAC-SHA256, tolerance " + tolerance + ", secret not shown]";
  }
}
