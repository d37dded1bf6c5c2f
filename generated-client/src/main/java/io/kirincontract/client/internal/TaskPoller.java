package io.kirincontract.client.internal;

import io.kirincontract.client.PollingPolicy;
import io.kirincontract.client.Sleeper;
import io.kirincontract.client.TaskProgressListener;
import io.kirincontract.client.TaskResults;
import io.kirincontract.client.errors.KirinException;
import io.kirincontract.client.errors.KirinTimeoutException;
import io.kirincontract.client.model.Task;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Polls a task until it is {@code completed} or {@code failed}, spacing the polls by the {@link
 * PollingPolicy} and ending with {@link KirinTimeoutException} (holding the last Task) when the timeout runs
 * out. Time comes from the injected {@link Clock} and {@link Sleeper}.
 */
public final class TaskPoller {

  private final Function<String, Task> get;
  private final Function<String, CompletableFuture<Task>> getAsync;
  private final PollingPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;

  public TaskPoller(
      Function<String, Task> get,
      Function<String, CompletableFuture<Task>> getAsync,
      PollingPolicy policy,
      Clock clock,
      Sleeper sleeper) {
    this.get = get;
    this.getAsync = getAsync;
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Waits for a task on the calling thread.
   *
   * @param initial the task as already known, or {@code null} to fetch {@code taskId} first
   */
  public Task await(Task initial, String taskId, Duration timeout, TaskProgressListener listener) {
    Instant deadline = clock.instant().plus(timeout);
    Progress progress = new Progress(listener);
    Task task = initial != null ? initial : get.apply(taskId);
    progress.observe(task);
    Duration interval = policy.initialInterval();
    while (!TaskResults.isTerminal(task)) {
      Duration remaining = Duration.between(clock.instant(), deadline);
      if (remaining.isNegative() || remaining.isZero()) {
        throw timedOut(task, timeout);
      }
      try {
        sleeper.sleep(shorter(interval, remaining));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new KirinException("interrupted while waiting for task " + task.getId(), interrupted);
      }
      interval = policy.next(interval);
      task = get.apply(task.getId());
      progress.observe(task);
    }
    return task;
  }

  /** Waits for a task without blocking a thread between polls; fails as {@link #await} would throw. */
  public CompletableFuture<Task> awaitAsync(
      Task initial, String taskId, Duration timeout, TaskProgressListener listener) {
    Instant deadline = clock.instant().plus(timeout);
    Progress progress = new Progress(listener);
    CompletableFuture<Task> first =
        initial != null ? CompletableFuture.completedFuture(initial) : getAsync.apply(taskId);
    return first.thenCompose(task -> step(task, policy.initialInterval(), deadline, timeout, progress));
  }

  private CompletableFuture<Task> step(
      Task task, Duration interval, Instant deadline, Duration timeout, Progress progress) {
    progress.observe(task);
    if (TaskResults.isTerminal(task)) {
      return CompletableFuture.completedFuture(task);
    }
    Duration remaining = Duration.between(clock.instant(), deadline);
    if (remaining.isNegative() || remaining.isZero()) {
      return CompletableFuture.failedFuture(timedOut(task, timeout));
    }
    return sleeper
        .sleepAsync(shorter(interval, remaining))
        .thenCompose(slept -> getAsync.apply(task.getId()))
        .thenCompose(next -> step(next, policy.next(interval), deadline, timeout, progress));
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static KirinTimeoutException timedOut(Task task, Duration timeout) {
    return new KirinTimeoutException(
        "task " + task.getId() + " is still " + task.getStatus() + " after " + timeout, task, timeout, null);
  }

  /** Tells the listener of the first Task and of each change of status. */
  private static final class Progress {

    private final TaskProgressListener listener;
    private Task last;

    Progress(TaskProgressListener listener) {
      this.listener = listener;
    }

    synchronized void observe(Task task) {
      if (listener != null && (last == null || last.getStatus() != task.getStatus())) {
        listener.onStatusChange(task);
      }
      last = task;
    }
  }
}
