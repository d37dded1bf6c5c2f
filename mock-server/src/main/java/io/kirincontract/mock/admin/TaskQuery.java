package io.kirincontract.mock.admin;

import io.kirincontract.mock.control.InvalidControlException;
import io.kirincontract.mock.tasks.TaskStatus;

/**
 * Which tasks the admin list shows: those matching every given filter ({@code null} matches all), oldest first,
 * {@code limit} of them from {@code offset}.
 */
public record TaskQuery(String key, String model, TaskStatus status, int offset, int limit) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 10_000;

  public TaskQuery {
    if (offset < 0) {
      throw new InvalidControlException("offset must be 0 or more, not " + offset, "offset");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidControlException("limit must be 1 to " + MAX_LIMIT + ", not " + limit, "limit");
    }
  }

  /** The first 100 tasks of any key, model and status. */
  public static TaskQuery all() {
    return new TaskQuery(null, null, null, 0, DEFAULT_LIMIT);
  }

  public TaskQuery withKey(String newKey) {
    return new TaskQuery(newKey, model, status, offset, limit);
  }

  public TaskQuery withModel(String newModel) {
    return new TaskQuery(key, newModel, status, offset, limit);
  }

  public TaskQuery withStatus(TaskStatus newStatus) {
    return new TaskQuery(key, model, newStatus, offset, limit);
  }

  public TaskQuery page(int newOffset, int newLimit) {
    return new TaskQuery(key, model, status, newOffset, newLimit);
  }
}
