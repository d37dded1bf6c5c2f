package io.kirincontract.mock.tasks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tasks in memory, bounded. Tasks are private to their tenant (API key): {@link #find(String, String)} does not
 * see another tenant's tasks. {@code external_task_id} is unique per tenant.
 *
 * <p><b>Eviction.</b> At most {@code maxTasks} tasks are kept. Adding one more evicts the oldest <em>finished</em>
 * task (by creation; a task counts as finished once its last status was announced): unfinished tasks are never
 * evicted and go to the back of the line. An evicted task is gone, exactly as if it never existed (404), and its
 * external id is free again. When every stored task is unfinished, {@link #add} refuses with {@link
 * StoreFullException}.
 *
 * <p>Lookups and adds are lock-free (a slot under the cap is reserved by compare-and-set, the external id by
 * {@code putIfAbsent}); eviction, removal and clearing are serialized on the store.
 */
public final class TaskStore {

  /** Default cap on stored tasks. */
  public static final int DEFAULT_MAX_TASKS = 1_000_000;

  private final int maxTasks;
  private final Map<TaskId, TaskRecord> byId = new ConcurrentHashMap<>();
  private final Map<String, Map<String, TaskRecord>> byExternalId = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<TaskRecord> creationOrder = new ConcurrentLinkedQueue<>();
  /** Entries of {@code creationOrder} ({@code size()} of the queue walks it). */
  private final AtomicInteger queued = new AtomicInteger();
  /** Tasks indexed in {@code byId}, and slots reserved for tasks being added. */
  private final AtomicInteger held = new AtomicInteger();
  private final AtomicLong evicted = new AtomicLong();

  public TaskStore() {
    this(DEFAULT_MAX_TASKS);
  }

  public TaskStore(int maxTasks) {
    if (maxTasks < 1) {
      throw new IllegalArgumentException("max tasks must be at least 1, not " + maxTasks);
    }
    this.maxTasks = maxTasks;
  }

  /**
   * Stores a new task, evicting the oldest finished one when the store is full.
   *
   * @throws ExternalTaskIdConflictException when the task's tenant already used its external id
   * @throws StoreFullException when the store is full of unfinished tasks
   */
  public void add(TaskRecord task) {
    reserveSlot();
    String externalId = task.externalTaskId();
    if (externalId != null) {
      TaskRecord existing = externalIds(task.tenant()).putIfAbsent(externalId, task);
      if (existing != null) {
        held.decrementAndGet();
        throw new ExternalTaskIdConflictException(externalId, existing.id().toString());
      }
    }
    byId.put(task.id(), task);
    creationOrder.add(task);
    queued.incrementAndGet();
  }

  /** The tenant's task with this id. */
  public Optional<TaskRecord> find(String tenant, String taskId) {
    return find(taskId).filter(task -> task.tenant().equals(tenant));
  }

  /** The task with this id, whoever created it (admin API, result files). */
  public Optional<TaskRecord> find(String taskId) {
    return TaskId.parse(taskId).map(byId::get);
  }

  public Optional<TaskRecord> findByExternalId(String tenant, String externalTaskId) {
    Map<String, TaskRecord> ids = byExternalId.get(tenant);
    return ids == null ? Optional.empty() : Optional.ofNullable(ids.get(externalTaskId));
  }

  /** Removes a task (admin delete); it is marked removed. */
  public synchronized Optional<TaskRecord> remove(String taskId) {
    Optional<TaskRecord> task = find(taskId);
    task.ifPresent(
        found -> {
          unindex(found);
          if (queued.get() > 2 * held.get() + 1024) {
            creationOrder.removeIf(
                entry -> {
                  boolean gone = entry.removed();
                  if (gone) {
                    queued.decrementAndGet();
                  }
                  return gone;
                });
          }
        });
    return task;
  }

  /** Every stored task, in no particular order (a live view). */
  public Collection<TaskRecord> all() {
    return Collections.unmodifiableCollection(byId.values());
  }

  /** Removes every task and returns them, each marked removed. */
  public synchronized List<TaskRecord> clear() {
    List<TaskRecord> all = new ArrayList<>(byId.values());
    all.forEach(TaskRecord::markRemoved);
    byId.clear();
    byExternalId.clear();
    creationOrder.clear();
    queued.set(0);
    held.set(0);
    return all;
  }

  public int size() {
    return byId.size();
  }

  public int maxTasks() {
    return maxTasks;
  }

  /** Tasks evicted to make room since the store was made. */
  public long evicted() {
    return evicted.get();
  }

  /**
   * Takes a slot under the cap for a task being added; when none is left, evicts the oldest finished task and tries
   * again.
   *
   * @throws StoreFullException when every stored task is unfinished
   */
  private void reserveSlot() {
    while (true) {
      int current = held.get();
      if (current < maxTasks) {
        if (held.compareAndSet(current, current + 1)) {
          return;
        }
      } else if (!evictOldestFinished()) {
        throw new StoreFullException(maxTasks);
      }
    }
  }

  /** Evicts the oldest finished task; false when there is none (every task is unfinished). */
  private synchronized boolean evictOldestFinished() {
    if (held.get() < maxTasks) {
      return true; // another thread made room meanwhile
    }
    int budget = queued.get();
    while (budget-- > 0) {
      TaskRecord oldest = creationOrder.poll();
      if (oldest == null) {
        return false;
      }
      queued.decrementAndGet();
      if (oldest.removed()) {
        continue;
      }
      if (oldest.finished()) {
        unindex(oldest);
        evicted.incrementAndGet();
        return true;
      }
      creationOrder.add(oldest);
      queued.incrementAndGet();
    }
    return false;
  }

  /**
   * Takes a task out of the indexes. A tenant's external-id map stays when it empties: removing it could race with
   * an add that already holds it.
   */
  private void unindex(TaskRecord task) {
    task.markRemoved();
    if (byId.remove(task.id(), task)) {
      held.decrementAndGet();
    }
    if (task.externalTaskId() != null) {
      Map<String, TaskRecord> ids = byExternalId.get(task.tenant());
      if (ids != null) {
        ids.remove(task.externalTaskId(), task);
      }
    }
  }

  private Map<String, TaskRecord> externalIds(String tenant) {
    return byExternalId.computeIfAbsent(tenant, key -> new ConcurrentHashMap<>());
  }
}
