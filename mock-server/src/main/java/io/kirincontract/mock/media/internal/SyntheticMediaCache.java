package io.kirincontract.mock.media.internal;

import io.kirincontract.mock.media.SyntheticMedia;
import io.kirincontract.mock.media.VideoContainer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Synthetic videos by shape, each generated once and kept while the cache stays under its byte
 * budget (least recently used first out). Concurrent requests for the same shape wait for one
 * generation. Callers get their own copy of the bytes. Thread-safe.
 */
public final class SyntheticMediaCache {

  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  private record Key(VideoShape shape, VideoContainer container, boolean sound) {}

  private final long maxBytes;
  private final LinkedHashMap<Key, CompletableFuture<byte[]>> entries =
      new LinkedHashMap<>(16, 0.75f, true);
  private long cachedBytes;

  public SyntheticMediaCache() {
    this(DEFAULT_MAX_BYTES);
  }

  public SyntheticMediaCache(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative, was " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  public byte[] mp4(VideoShape shape) {
    return video(shape, VideoContainer.MP4);
  }

  public byte[] mov(VideoShape shape) {
    return video(shape, VideoContainer.MOV);
  }

  /** The video of {@code shape} in {@code container}, without sound, generated on first use. */
  public byte[] video(VideoShape shape, VideoContainer container) {
    return video(shape, container, false);
  }

  /** The video of {@code shape} in {@code container}, with a silent audio track when {@code sound}. */
  public byte[] video(VideoShape shape, VideoContainer container, boolean sound) {
    Key key =
        new Key(
            Objects.requireNonNull(shape, "shape"),
            Objects.requireNonNull(container, "container"),
            sound);
    return get(key, () -> SyntheticMedia.video(shape, container, sound)).clone();
  }

  /** Bytes held by finished entries. */
  public synchronized long cachedBytes() {
    return cachedBytes;
  }

  /** Number of entries, finished or being generated. */
  public synchronized int size() {
    return entries.size();
  }

  private byte[] get(Key key, Supplier<byte[]> generate) {
    CompletableFuture<byte[]> entry;
    boolean mine = false;
    synchronized (this) {
      entry = entries.get(key);
      if (entry == null) {
        entry = new CompletableFuture<>();
        entries.put(key, entry);
        mine = true;
      }
    }
    if (mine) {
      return generateInto(key, entry, generate);
    }
    try {
      return entry.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
    }
  }

  private byte[] generateInto(Key key, CompletableFuture<byte[]> entry, Supplier<byte[]> generate) {
    byte[] bytes;
    try {
      bytes = generate.get();
    } catch (RuntimeException | Error e) {
      synchronized (this) {
        entries.remove(key, entry);
      }
      entry.completeExceptionally(e);
      throw e;
    }
    entry.complete(bytes);
    synchronized (this) {
      if (entries.get(key) == entry) {
        cachedBytes += bytes.length;
        evictOver(maxBytes);
      }
    }
    return bytes;
  }

  /**
   * Drops least recently used finished entries until the budget holds (an entry over budget alone
   * goes too).
   */
  private void evictOver(long budget) {
    Iterator<Map.Entry<Key, CompletableFuture<byte[]>>> eldestFirst = entries.entrySet().iterator();
    while (cachedBytes > budget && eldestFirst.hasNext()) {
      CompletableFuture<byte[]> candidate = eldestFirst.next().getValue();
      if (candidate.isDone() && !candidate.isCompletedExceptionally()) {
        cachedBytes -= candidate.join().length;
        eldestFirst.remove();
      }
    }
  }
}
