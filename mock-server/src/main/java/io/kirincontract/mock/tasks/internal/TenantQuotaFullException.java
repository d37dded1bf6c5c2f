package io.kirincontract.mock.tasks.internal;

/**
 * An API key holds its quota of stored tasks ({@code --max-tasks-per-key}) and none of them has finished, so none of
 * its own can be evicted; other keys are not affected.
 */
public final class TenantQuotaFullException extends RuntimeException {

  private final int maxTasksPerKey;

  public TenantQuotaFullException(int maxTasksPerKey) {
    super(
        "this API key holds its quota of "
            + maxTasksPerKey
            + " stored tasks (--max-tasks-per-key) and none has finished yet; retry when one has",
        null,
        false,
        false);
    this.maxTasksPerKey = maxTasksPerKey;
  }

  public int maxTasksPerKey() {
    return maxTasksPerKey;
  }
}
