package io.kirincontract.mock.tasks;

import io.kirincontract.mock.rules.RequestView;
import io.kirincontract.mock.validation.ValidatedRequest;
import java.time.Clock;
import java.time.Instant;

/** Makes the new, queued task for a valid request, on the injected clock. */
public final class TaskFactory {

  private final Clock clock;
  private final TaskIds ids;
  private final MetadataResolver metadata = new MetadataResolver();

  public TaskFactory(Clock clock) {
    this.clock = clock;
    this.ids = new TaskIds(clock);
  }

  public Task create(String tenant, ValidatedRequest request) {
    Instant now = clock.instant();
    RequestView view = request.view();
    return new Task(
        ids.next(),
        tenant,
        request.model(),
        TaskStatus.QUEUED,
        view.text("external_task_id").orElse(null),
        now,
        now,
        metadata.resolve(request));
  }
}
