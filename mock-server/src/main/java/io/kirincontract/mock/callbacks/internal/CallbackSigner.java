package io.kirincontract.mock.callbacks.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs callbacks with a shared secret ({@code --callback-secret}), so that a receiver can tell a real callback
 * from a forged one. Each attempt carries
 *
 * <pre>{@code X-Kirin-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">}</pre>
 *
 * <p>The key is the secret's UTF-8 bytes; {@code t} is the time of the attempt (a retry is signed afresh), so a
 * receiver can refuse old deliveries (5 minutes is the documented tolerance). {@code
 * io.kirincontract.client.KirinCallbackSignature} in the client layer verifies it. The secret never appears in
 * {@link #toString()}.
 */
public final class CallbackSigner {

  /** The header that carries the signature. */
  public static final String HEADER = "X-Kirin-Signature";

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  private CallbackSigner(byte[] secret) {
    this.key = new SecretKeySpec(secret, ALGORITHM);
  }

  /**
   * A signer with this secret.
   *
   * @throws IllegalArgumentException when the secret is empty or blank
   */
  public static CallbackSigner of(String secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.isBlank()) {
      throw new IllegalArgumentException("the callback secret must not be empty");
    }
    return new CallbackSigner(secret.getBytes(StandardCharsets.UTF_8));
  }

  /** The header value for a body sent at {@code unixSeconds}. */
  public String sign(long unixSeconds, byte[] body) {
    Mac mac;
    try {
      mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e); // every Java 17 runtime has it
    }
    String t = Long.toString(unixSeconds);
    mac.update(t.getBytes(StandardCharsets.US_ASCII));
    mac.update((byte) '.');
    mac.update(body);
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal());
  }

  @Override
  public String toString() {
    return "CallbackSigner[HMAC-SHA256, secret not shown]";
  }
}
