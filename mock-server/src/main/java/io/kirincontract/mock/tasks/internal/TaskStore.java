package io.kirincontract.mock.tasks.internal;

import io.kirincontract.mock.tasks.TaskStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The tasks in memory, bounded. Tasks are private to their tenant (API key): {@link #find(String, String)} does not
 * see another tenant's tasks. {@code external_task_id} is unique per tenant.
 *
 * <p><b>Quotas and eviction.</b> At most {@code maxTasks} tasks are kept in all, and at most {@code maxTasksPerKey}
 * per tenant. A tenant at its quota makes room by evicting <em>its own</em> oldest finished task (by creation; a task
 * counts as finished once its last status was announced); when all of its tasks are unfinished, {@link #add}
 * refuses with {@link TenantQuotaFullException} (with {@link StoreFullException} when the quota is the whole store),
 * and other tenants are not affected. When the whole store is full,
 * the adding tenant's own oldest finished task goes first; only when it has none is the oldest finished task of a
 * tenant that holds its full quota taken; a tenant under its quota never loses a task to another. When nothing can be
 * evicted, {@link #add} refuses with {@link StoreFullException}. Unfinished tasks are never evicted. An evicted task
 * is gone (404, its external id free again), but the most recent evictions are remembered ({@link #wasEvicted}) so
 * that its 404 can say so.
 *
 * <p>Lookups, adds and evictions take no store-wide lock (slots under the caps are reserved by compare-and-set, the
 * external id by {@code putIfAbsent}, the oldest finished task taken from its tenant's line, {@link TaskLine}, which
 * takes no lock either; the index by id, {@link TaskIndex}, is read without a lock and written under one of its 64
 * segments' locks, for a few probes);
 * a refusal is decided under the store's monitor, and removal and clearing are serialized on it. A tenant's line is
 * walked only while it holds a finished task ({@link #announced} counts them), so a store full of unfinished tasks
 * refuses in constant time instead of walking every line on every create.
 */
public final class TaskStore {

  /** Default cap on stored tasks. */
  public static final int DEFAULT_MAX_TASKS = 1_000_000;

  /** Default cap on one tenant's stored tasks: ten tenants at their quota fill the default store. */
  public static final int DEFAULT_MAX_TASKS_PER_KEY = 100_000;

  private final int maxTasks;
  private final int maxTasksPerKey;
  private final TaskIndex byId = new TaskIndex();
  private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
  /** Tasks indexed in {@code byId}, and slots reserved for tasks being added. */
  private final AtomicInteger held = new AtomicInteger();
  private final AtomicLong evicted = new AtomicLong();
  /** Walks of a tenant's line begun in search of a finished task. */
  private final LongAdder walks = new LongAdder();
  private final EvictionRecord evictions;

  /** One tenant's tasks in creation order, its external ids and its count. */
  private static final class Tenant {
    final Map<String, TaskRecord> byExternalId = new ConcurrentHashMap<>();
    final TaskLine creationOrder = new TaskLine();
    /** The tenant's tasks indexed, and its slots reserved. */
    final AtomicInteger held = new AtomicInteger();
    /**
     * At least the tenant's finished tasks still indexed: counted before a task shows as finished and discounted after
     * it is taken out, so that a line without a finished task is refused at once instead of walked.
     */
    final AtomicInteger finished = new AtomicInteger();
  }

  public TaskStore() {
    this(DEFAULT_MAX_TASKS);
  }

  /** A store where one tenant may fill the whole store (the per-key quota is the cap, or the default if lower). */
  public TaskStore(int maxTasks) {
    this(maxTasks, DEFAULT_MAX_TASKS_PER_KEY);
  }

  /**
   * @param maxTasksPerKey the quota of one tenant; above {@code maxTasks} it is {@code maxTasks}
   */
  public TaskStore(int maxTasks, int maxTasksPerKey) {
    this(maxTasks, maxTasksPerKey, EvictionRecord.CAPACITY);
  }

  TaskStore(int maxTasks, int maxTasksPerKey, int evictionsRemembered) {
    if (maxTasks < 1) {
      throw new IllegalArgumentException("max tasks must be at least 1, not " + maxTasks);
    }
    if (maxTasksPerKey < 1) {
      throw new IllegalArgumentException("max tasks per key must be at least 1, not " + maxTasksPerKey);
    }
    this.maxTasks = maxTasks;
    this.maxTasksPerKey = Math.min(maxTasks, maxTasksPerKey);
    this.evictions = new EvictionRecord(evictionsRemembered);
  }

  /**
   * Stores a new task, evicting an old finished one when its tenant or the store is full.
   *
   * @throws ExternalTaskIdConflictException when the task's tenant already used its external id
   * @throws TenantQuotaFullException when the tenant holds its quota of unfinished tasks
   * @throws StoreFullException when the store is full and no task can be evicted for this tenant
   */
  public void add(TaskRecord task) {
    Tenant tenant = tenants.computeIfAbsent(task.tenant(), key -> new Tenant());
    if (!reserveTenantSlot(tenant)) {
      try {
        reserveStoreSlot(tenant);
      } catch (RuntimeException e) {
        tenant.held.decrementAndGet();
        throw e;
      }
    }
    String externalId = task.externalTaskId();
    if (externalId != null) {
      TaskRecord existing = tenant.byExternalId.putIfAbsent(externalId, task);
      if (existing != null) {
        tenant.held.decrementAndGet();
        held.decrementAndGet();
        throw new ExternalTaskIdConflictException(externalId, existing.id().toString());
      }
    }
    if (task.finished()) {
      // Counted before an evictor can find it, as the lifecycle's announcement counts it.
      tenant.finished.incrementAndGet();
    }
    byId.put(task);
    tenant.creationOrder.add(task);
  }

  /**
   * Records the last status announced for a stored task. The lifecycle announces through here, so that the store
   * knows which tenants have a finished task to evict.
   */
  public void announced(TaskRecord task, TaskStatus status) {
    synchronized (task) {
      if (status.isFinal() && !task.finished() && !task.removed()) {
        Tenant tenant = tenants.get(task.tenant());
        if (tenant != null) {
          tenant.finished.incrementAndGet();
        }
      }
      task.announced(status);
    }
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
    Tenant found = tenants.get(tenant);
    return found == null ? Optional.empty() : Optional.ofNullable(found.byExternalId.get(externalTaskId));
  }

  /** Whether the tenant's task with this id was evicted (among the most recent evictions remembered). */
  public boolean wasEvicted(String tenant, String taskId) {
    return TaskId.parse(taskId).map(id -> evictions.hasId(tenant, id)).orElse(false);
  }

  /** Whether the tenant's task with this external id was evicted (and none has taken the id since). */
  public boolean wasEvictedByExternalId(String tenant, String externalTaskId) {
    return evictions.hasExternalId(tenant, externalTaskId);
  }

  /** Removes a task (admin delete); it is marked removed. */
  public synchronized Optional<TaskRecord> remove(String taskId) {
    Optional<TaskRecord> task = find(taskId);
    task.ifPresent(
        found -> {
          Tenant tenant = tenants.get(found.tenant());
          if (unindex(found, true, true) && found.finished() && tenant != null) {
            tenant.finished.decrementAndGet();
          }
          if (tenant != null && tenant.creationOrder.size() > 2 * tenant.held.get() + 1024) {
            tenant.creationOrder.removeIf(TaskRecord::removed);
          }
        });
    return task;
  }

  /** Every stored task, in no particular order (a copy). */
  public List<TaskRecord> all() {
    return byId.values();
  }

  /** Removes every task and returns them, each marked removed; forgets the evictions too. */
  public synchronized List<TaskRecord> clear() {
    List<TaskRecord> all = byId.clear();
    all.forEach(TaskRecord::markRemoved);
    tenants.clear();
    held.set(0);
    evictions.clear();
    return all;
  }

  public int size() {
    return byId.size();
  }

  /** The tenant's stored tasks. */
  public int size(String tenant) {
    Tenant found = tenants.get(tenant);
    return found == null ? 0 : found.held.get();
  }

  public int maxTasks() {
    return maxTasks;
  }

  /** The quota of one tenant (at most {@link #maxTasks()}). */
  public int maxTasksPerKey() {
    return maxTasksPerKey;
  }

  /** Walks of a tenant's line begun in search of a finished task to evict (none for a line without one). */
  long walks() {
    return walks.sum();
  }

  /** Tasks evicted to make room since the store was made. */
  public long evicted() {
    return evicted.get();
  }

  /*
   * Eviction runs without a lock first: when the store is full every create evicts, and a monitor here lined the
   * creates up behind whichever thread the scheduler preempted while holding it. An evicted task's slots pass straight
   * to the task that evicted it (the counts are not given back and taken again), so a racing add cannot take the room
   * one tenant made by evicting its own task and leave that tenant refused. Racing evictors poll distinct entries of a
   * tenant's line, so a lock-free attempt can miss a finished task another thread is moving to the back; before
   * refusing, the attempt is repeated under the store's monitor.
   */

  /**
   * Takes a slot under the tenant's quota; when none is left, evicts the tenant's oldest finished task, whose slot
   * under the quota and in the store pass to the new task. True in that case (the store slot is held too).
   */
  private boolean reserveTenantSlot(Tenant tenant) {
    return reserve(
        tenant.held,
        maxTasksPerKey,
        () -> evictOldestFinished(tenant, true),
        // A quota as large as the store is the store itself: full, as for any other key.
        () -> maxTasksPerKey < maxTasks
            ? new TenantQuotaFullException(maxTasksPerKey)
            : new StoreFullException(maxTasks, maxTasksPerKey));
  }

  /**
   * Takes a slot under the store's cap; when none is left, evicts as the class comment says, and the evicted task's
   * store slot passes to the new task.
   */
  private void reserveStoreSlot(Tenant tenant) {
    reserve(held, maxTasks, () -> evictFor(tenant), () -> new StoreFullException(maxTasks, maxTasksPerKey));
  }

  /**
   * Takes a slot of {@code count} under {@code cap} by compare-and-set; when none is left, {@code evict} makes one
   * whose slot passes to the caller (true then), first without a lock and then, before refusing with {@code full},
   * under the store's monitor (unless another thread made room meanwhile, which is taken as usual).
   */
  private boolean reserve(
      AtomicInteger count, int cap, BooleanSupplier evict, Supplier<? extends RuntimeException> full) {
    while (true) {
      int current = count.get();
      if (current < cap) {
        if (count.compareAndSet(current, current + 1)) {
          return false;
        }
      } else if (evict.getAsBoolean()) {
        return true;
      } else {
        synchronized (this) {
          if (count.get() < cap) {
            continue;
          }
          if (evict.getAsBoolean()) {
            return true;
          }
        }
        throw full.get();
      }
    }
  }

  /**
   * Evicts the adding tenant's oldest finished task, else one of a tenant at its full quota, for a task that already
   * holds its slot under its quota; false when neither has one.
   */
  private boolean evictFor(Tenant adding) {
    if (evictOldestFinished(adding, false)) {
      return true;
    }
    for (Tenant other : tenants.values()) {
      if (other != adding && other.held.get() >= maxTasksPerKey && evictOldestFinished(other, false)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Evicts the tenant's oldest finished task, its store slot passing to the adding task (and its slot under the
   * quota too when {@code passQuotaSlot}); unfinished ones go to the back of its line. False when it has none.
   */
  private boolean evictOldestFinished(Tenant tenant, boolean passQuotaSlot) {
    if (tenant.finished.get() <= 0) {
      return false;
    }
    walks.increment();
    int budget = tenant.creationOrder.size();
    while (budget-- > 0) {
      TaskRecord oldest = tenant.creationOrder.poll();
      if (oldest == null) {
        return false;
      }
      if (oldest.removed()) {
        continue;
      }
      if (oldest.finished()) {
        // When an admin delete took it out meanwhile, the delete gave its slots back: look for another.
        if (unindex(oldest, !passQuotaSlot, false)) {
          tenant.finished.decrementAndGet();
          evicted.incrementAndGet();
          evictions.add(oldest);
          return true;
        }
        continue;
      }
      tenant.creationOrder.add(oldest);
    }
    return false;
  }

  /**
   * Takes a task out of the indexes, giving back its slot under its tenant's quota and in the store as asked. A
   * tenant's entry stays when it empties: removing it could race with an add that already holds it. True when this
   * call took it out (not another one before it).
   */
  private boolean unindex(TaskRecord task, boolean freeQuotaSlot, boolean freeStoreSlot) {
    task.markRemoved();
    Tenant tenant = tenants.get(task.tenant());
    boolean taken = byId.remove(task);
    if (taken) {
      if (freeStoreSlot) {
        held.decrementAndGet();
      }
      if (freeQuotaSlot && tenant != null) {
        tenant.held.decrementAndGet();
      }
    }
    if (task.externalTaskId() != null && tenant != null) {
      tenant.byExternalId.remove(task.externalTaskId(), task);
    }
    return taken;
  }
}
