package io.kirincontract.mock.journal.internal;

import io.kirincontract.mock.util.internal.KeyId;
import java.util.concurrent.ConcurrentHashMap;

/** {@link KeyId#of} with the ids of recent keys kept (a SHA-256 per request is avoidable: runs use few keys). */
public final class KeyIds {

  private static final int MAX_KEPT = 1_024;

  private final ConcurrentHashMap<String, String> ids = new ConcurrentHashMap<>();

  public String of(String rawKey) {
    if (rawKey == null) {
      return null;
    }
    String id = ids.get(rawKey);
    if (id == null) {
      if (ids.size() >= MAX_KEPT) {
        ids.clear();
      }
      id = KeyId.of(rawKey);
      ids.put(rawKey, id);
    }
    return id;
  }
}
