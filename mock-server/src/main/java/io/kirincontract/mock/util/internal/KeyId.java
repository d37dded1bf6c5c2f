package io.kirincontract.mock.util.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The public name of an API key: {@code key_} and the first 12 hex digits of the key's SHA-256. Admin answers, the
 * request journal and logs show it instead of the raw key (DESIGN §6 and §8), so that a shared mock never reveals
 * one tenant's key to another reader, while a test that knows the key can still compute its name.
 */
public final class KeyId {

  private static final HexFormat HEX = HexFormat.of();

  private KeyId() {}

  /** The key's id; {@code null} for a {@code null} key (a request that sent none). */
  public static String of(String rawKey) {
    if (rawKey == null) {
      return null;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawKey.getBytes(StandardCharsets.UTF_8));
      return "key_" + HEX.formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
