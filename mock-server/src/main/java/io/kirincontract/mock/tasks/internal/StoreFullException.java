package io.kirincontract.mock.tasks.internal;

import io.kirincontract.mock.problems.Problem;
import io.kirincontract.mock.problems.ProblemException;
import java.util.List;
import java.util.Map;

/**
 * The store holds its maximum of tasks and none can be evicted for the adding key: it has no finished task of its
 * own, and no key at its full quota has one.
 */
public final class StoreFullException extends ProblemException {

  private final int maxTasks;

  public StoreFullException(int maxTasks, int maxTasksPerKey) {
    super(
        List.of(Problem.of("service_unavailable", "the mock holds its maximum of "
            + maxTasks
            + " tasks (--max-tasks) and none can be evicted for this key (each key keeps up to "
            + maxTasksPerKey
            + ", --max-tasks-per-key); retry when one has finished")),
        Map.of("Retry-After", "1"));
    this.maxTasks = maxTasks;
  }

  public int maxTasks() {
    return maxTasks;
  }
}
