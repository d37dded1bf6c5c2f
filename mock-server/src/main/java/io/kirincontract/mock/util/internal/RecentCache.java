package io.kirincontract.mock.util.internal;

import java.util.function.BiPredicate;
import java.util.function.ToIntFunction;

/**
 * The values of recently seen keys, for what a request would otherwise compute again and again from the same input
 * (a finished task polled until the client sees it, metadata that most tasks share). Direct-mapped: a key has one
 * slot, by its hash, and the next key that falls in it takes it over; no eviction policy, no size to track.
 *
 * <p>Thread-safe without a lock: a slot holds an immutable entry, published whole (final fields), so a reader sees
 * either the old entry or the new one; two threads computing the same value at once both store it, and the last one
 * stays. A value must therefore be a pure function of its key.
 */
public final class RecentCache<K, V> {

  private record Entry<K, V>(K key, V value) {}

  private final Entry<K, V>[] slots;
  private final ToIntFunction<? super K> hash;
  private final BiPredicate<? super K, ? super K> same;

  @SuppressWarnings("unchecked")
  private RecentCache(int size, ToIntFunction<? super K> hash, BiPredicate<? super K, ? super K> same) {
    if (size < 1 || Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("size must be a power of two, not " + size);
    }
    this.slots = (Entry<K, V>[]) new Entry<?, ?>[size];
    this.hash = hash;
    this.same = same;
  }

  /** Keys that are the same object (immutable, interned or stored ones). */
  public static <K, V> RecentCache<K, V> byIdentity(int size) {
    return new RecentCache<>(size, System::identityHashCode, (a, b) -> a == b);
  }

  /** Keys equal by {@code equals}, placed by {@code hash} (a cheap part of what {@code equals} compares). */
  public static <K, V> RecentCache<K, V> byEquality(int size, ToIntFunction<? super K> hash) {
    return new RecentCache<>(size, hash, Object::equals);
  }

  /** The value stored for this key, or null. */
  public V get(K key) {
    Entry<K, V> entry = slots[slot(key)];
    return entry != null && same.test(entry.key(), key) ? entry.value() : null;
  }

  /** Stores the key's value in its slot, in place of whatever was there. */
  public void put(K key, V value) {
    slots[slot(key)] = new Entry<>(key, value);
  }

  private int slot(K key) {
    int h = hash.applyAsInt(key);
    return (h ^ (h >>> 16)) & (slots.length - 1);
  }
}
