package io.kirincontract.mock.tasks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
 * <p>Lookups are lock-free; changes are serialized on the store.
 */
public final class TaskStore {

  /** Default cap on stored tasks. */
  public static final int DEFAULT_MAX_TASKS = 1_000_000;

  private final int maxTasks;
  private final Map<TaskId, TaskRecord> byId = new ConcurrentHashMap<>();
  private final Map<String, Map<String, TaskRecord>> byExternalId = new ConcurrentHashMap<>();
  private final ArrayDeque<TaskRecord> creationOrder = new ArrayDeque<>();
  private long evicted;

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
  public synchronized void add(TaskRecord task) {
    String externalId = task.externalTaskId();
    if (externalId != null) {
      TaskRecord existing = externalIds(task.tenant()).get(externalId);
      if (existing != null) {
        throw new ExternalTaskIdConflictException(externalId, existing.id().toString());
      }
    }
    if (byId.size() >= maxTasks && !evictOldestFinished()) {
      throw new StoreFullException(maxTasks);
    }
    byId.put(task.id(), task);
    if (externalId != null) {
      externalIds(task.tenant()).put(externalId, task);
    }
    creationOrder.addLast(task);
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
          if (creationOrder.size() > 2 * byId.size() + 1024) {
            creationOrder.removeIf(TaskRecord::removed);
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
    return all;
  }

  public int size() {
    return byId.size();
  }

  public int maxTasks() {
    return maxTasks;
  }

  /** Tasks evicted to make room since the store was made. */
  public synchronized long evicted() {
    return evicted;
  }

  private boolean evictOldestFinished() {
    int budget = creationOrder.size();
    while (budget-- > 0) {
      TaskRecord oldest = creationOrder.pollFirst();
      if (oldest == null) {
        return false;
      }
      if (oldest.removed()) {
        continue;
      }
      if (oldest.finished()) {
        unindex(oldest);
        evicted++;
        return true;
      }
      creationOrder.addLast(oldest);
    }
    return false;
  }

  private void unindex(TaskRecord task) {
    task.markRemoved();
    byId.remove(task.id(), task);
    if (task.externalTaskId() != null) {
      Map<String, TaskRecord> ids = byExternalId.get(task.tenant());
      if (ids != null) {
        ids.remove(task.externalTaskId(), task);
        if (ids.isEmpty()) {
          byExternalId.remove(task.tenant(), ids);
        }
      }
    }
  }

  private Map<String, TaskRecord> externalIds(String tenant) {
    return byExternalId.computeIfAbsent(tenant, key -> new ConcurrentHashMap<>());
  }
}
