package io.kirincontract.mock.tasks;

/** The store holds its maximum of tasks and none of them has finished, so none can be evicted. */
public final class StoreFullException extends RuntimeException {

  private final int maxTasks;

  public StoreFullException(int maxTasks) {
    super(
        "the mock holds its maximum of " + maxTasks + " tasks and none has finished yet; retry when one has",
        null,
        false,
        false);
    this.maxTasks = maxTasks;
  }

  public int maxTasks() {
    return maxTasks;
  }
}
