package io.kirincontract.mock.tasks;

/**
 * The store holds its maximum of tasks and none can be evicted for the adding key: it has no finished task of its
 * own, and no key at its full quota has one.
 */
public final class StoreFullException extends RuntimeException {

  private final int maxTasks;

  public StoreFullException(int maxTasks, int maxTasksPerKey) {
    super(
        "the mock holds its maximum of "
            + maxTasks
            + " tasks (--max-tasks) and none can be evicted for this key (each key keeps up to "
            + maxTasksPerKey
            + ", --max-tasks-per-key); retry when one has finished",
        null,
        false,
        false);
    this.maxTasks = maxTasks;
  }

  public int maxTasks() {
    return maxTasks;
  }
}
