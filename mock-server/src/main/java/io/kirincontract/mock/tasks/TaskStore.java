package io.kirincontract.mock.tasks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The tasks in memory, per tenant (API key): one key never sees another's tasks. {@code external_task_id} is unique
 * per key. Thread-safe.
 */
public final class TaskStore {

  private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();

  /**
   * Stores a new task.
   *
   * @throws ExternalTaskIdConflictException when the task's key already used its external id
   */
  public Task add(Task task) {
    Tenant tenant = tenants.computeIfAbsent(task.tenant(), key -> new Tenant());
    synchronized (tenant) {
      if (task.externalTaskId() != null) {
        String existing = tenant.byExternalId.get(task.externalTaskId());
        if (existing != null) {
          throw new ExternalTaskIdConflictException(task.externalTaskId(), existing);
        }
        tenant.byExternalId.put(task.externalTaskId(), task.id());
      }
      tenant.byId.put(task.id(), task);
    }
    return task;
  }

  public Optional<Task> find(String tenantKey, String taskId) {
    Tenant tenant = tenants.get(tenantKey);
    return tenant == null ? Optional.empty() : Optional.ofNullable(tenant.byId.get(taskId));
  }

  public Optional<Task> findByExternalId(String tenantKey, String externalTaskId) {
    Tenant tenant = tenants.get(tenantKey);
    if (tenant == null) {
      return Optional.empty();
    }
    String id = tenant.byExternalId.get(externalTaskId);
    return id == null ? Optional.empty() : Optional.ofNullable(tenant.byId.get(id));
  }

  /** Replaces a stored task with {@code change} applied to it; empty when there is no such task. */
  public Optional<Task> update(String tenantKey, String taskId, UnaryOperator<Task> change) {
    Tenant tenant = tenants.get(tenantKey);
    if (tenant == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(tenant.byId.computeIfPresent(taskId, (id, task) -> change.apply(task)));
  }

  /** Every task of a key, in no particular order. */
  public List<Task> all(String tenantKey) {
    Tenant tenant = tenants.get(tenantKey);
    return tenant == null ? List.of() : List.copyOf(tenant.byId.values());
  }

  public void clear() {
    tenants.clear();
  }

  private static final class Tenant {
    private final Map<String, Task> byId = new ConcurrentHashMap<>();
    private final Map<String, String> byExternalId = new ConcurrentHashMap<>();
  }
}
