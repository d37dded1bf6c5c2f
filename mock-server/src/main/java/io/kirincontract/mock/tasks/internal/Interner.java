package io.kirincontract.mock.tasks.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out one shared instance per distinct value, so that a million tasks with the same tenant, callback URL or
 * metadata hold a million references to one object rather than a million copies. Bounded: once {@code capacity}
 * values are held, new values are returned as they are (correct, just not shared), so the interner itself cannot
 * grow without limit. Thread-safe.
 */
public final class Interner<T> {

  private final int capacity;
  private final Map<T, T> values = new ConcurrentHashMap<>();

  public Interner(int capacity) {
    this.capacity = capacity;
  }

  /** The shared instance equal to {@code value} ({@code null} stays {@code null}). */
  public T intern(T value) {
    if (value == null) {
      return null;
    }
    T shared = values.get(value);
    if (shared != null) {
      return shared;
    }
    if (values.size() >= capacity) {
      return value;
    }
    shared = values.putIfAbsent(value, value);
    return shared == null ? value : shared;
  }

  /** Values held. */
  public int size() {
    return values.size();
  }

  /** Forgets every value (instances already handed out stay valid). */
  public void clear() {
    values.clear();
  }
}
