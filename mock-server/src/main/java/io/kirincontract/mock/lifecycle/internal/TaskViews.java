package io.kirincontract.mock.lifecycle.internal;

import io.kirincontract.mock.results.internal.PriceTable;
import io.kirincontract.mock.results.internal.ResultFiles;
import io.kirincontract.mock.tasks.internal.ModelCodes;
import io.kirincontract.mock.tasks.Task;
import io.kirincontract.mock.tasks.internal.TaskRecord;
import io.kirincontract.mock.tasks.TaskStatus;
import io.kirincontract.mock.tasks.internal.TaskTimeline;
import io.kirincontract.mock.util.internal.RecentCache;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the {@link Task} a stored task shows in a given status: {@code updated_at} from its timeline, output (file
 * URLs, job id, cost) when completed, error (code and catalog message) when failed. The same function serves
 * {@code GET} and callbacks, so a callback body is what {@code GET} returned in that status.
 */
public final class TaskViews {

  private final ResultFiles files;
  private final PriceTable prices;
  private final ModelCodes codes;

  /**
   * The output of recently shown completed tasks, by the task's identity (with the base URL its links were made
   * with): a poll of a finished task would otherwise compute an HMAC and a price every time (a tenth of a poll's CPU).
   */
  private final RecentCache<TaskRecord, OutputFor> outputs = RecentCache.byIdentity(1024);

  private record OutputFor(String baseUrl, Task.Output output) {}

  public TaskViews(ResultFiles files, PriceTable prices, ModelCodes codes) {
    this.files = files;
    this.prices = prices;
    this.codes = codes;
  }

  /** The task as it is at {@code millis}. */
  public Task at(TaskRecord task, long millis) {
    TaskTimeline timeline = task.timeline();
    return in(task, timeline, timeline.statusAt(millis));
  }

  /** The task in {@code status}, on {@code timeline}. */
  public Task in(TaskRecord task, TaskTimeline timeline, TaskStatus status) {
    Task.Output output = status == TaskStatus.COMPLETED ? output(task) : null;
    Task.Error error = status == TaskStatus.FAILED ? error(timeline.failureCode()) : null;
    return new Task(
        task.id().toString(),
        task.tenant(),
        task.model(),
        status,
        task.externalTaskId(),
        Instant.ofEpochMilli(task.createdAt()),
        Instant.ofEpochMilli(timeline.since(status)),
        task.metadata(),
        output,
        error);
  }

  private Task.Output output(TaskRecord task) {
    String baseUrl = files.baseUrl();
    OutputFor cached = outputs.get(task);
    if (cached != null && cached.baseUrl().equals(baseUrl)) {
      return cached.output();
    }
    Task.Output output = newOutput(task);
    outputs.put(task, new OutputFor(baseUrl, output));
    return output;
  }

  private Task.Output newOutput(TaskRecord task) {
    List<Task.ContentItem> content = new ArrayList<>(2);
    ResultFiles.Signed signed = files.sign(task.id());
    double duration = task.metadata().duration();
    content.add(new Task.ContentItem("video", signed.plainUrl(), duration, signed.jobId(), false));
    if (task.watermarked()) {
      content.add(new Task.ContentItem("video", signed.watermarkedUrl(), duration, signed.jobId(), true));
    }
    return new Task.Output(content, prices.cost(task.model(), task.metadata()));
  }

  private Task.Error error(String code) {
    return new Task.Error(code, codes.message(code).orElse("Generation failed"));
  }
}
