package io.kirincontract.mock.control.internal;

import io.kirincontract.mock.control.InvalidControlException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The limit on unfinished tasks per API key ({@code --max-running-tasks}; 0, the default, means none), and the
 * count of each key's unfinished tasks: a task counts from creation until its last status is announced, or until
 * it is deleted. Thread-safe.
 */
public final class TaskLimits {

  private final int configured;
  private volatile int maxRunning;
  private final Map<String, AtomicInteger> unfinished = new ConcurrentHashMap<>();

  public TaskLimits(int maxRunning) {
    this.configured = check(maxRunning);
    this.maxRunning = configured;
  }

  /** Counts a new task of {@code key}; false (nothing counted) when the key is at its limit. */
  public boolean tryAcquire(String key) {
    int limit = maxRunning;
    AtomicInteger count = unfinished.computeIfAbsent(key, k -> new AtomicInteger());
    while (true) {
      int current = count.get();
      if (limit > 0 && current >= limit) {
        return false;
      }
      if (count.compareAndSet(current, current + 1)) {
        return true;
      }
    }
  }

  /** One of {@code key}'s tasks finished or went away. */
  public void release(String key) {
    AtomicInteger count = unfinished.get(key);
    if (count != null) {
      count.updateAndGet(n -> Math.max(0, n - 1));
    }
  }

  /** Unfinished tasks of {@code key}. */
  public int unfinished(String key) {
    AtomicInteger count = unfinished.get(key);
    return count == null ? 0 : count.get();
  }

  /** The limit; 0 for none. */
  public int maxRunning() {
    return maxRunning;
  }

  /** Changes the limit (0 for none); tasks already running are not affected. */
  public void maxRunning(int limit) {
    this.maxRunning = check(limit);
  }

  /** Forgets every count and restores the configured limit (reset). */
  public void clear() {
    unfinished.clear();
    maxRunning = configured;
  }

  private static int check(int limit) {
    if (limit < 0) {
      throw new InvalidControlException("max_running_tasks must be 0 (no limit) or more, not " + limit,
          "max_running_tasks");
    }
    return limit;
  }
}
