package io.kirincontract.mock.tasks.internal;

import io.kirincontract.mock.tasks.TaskMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Records for the store's own structures: finished text tasks of one tenant, each with a new id. */
final class StoredTasks {

  static final TaskMetadata METADATA =
      new TaskMetadata("720p", 1280, 720, 24, "16:9", 5, "std", "off", false, "text_to_video", null, List.of(),
          List.of());

  private final TaskIds ids = new TaskIds();
  private final long now;

  StoredTasks(String createdAt) {
    this.now = Instant.parse(createdAt).toEpochMilli();
  }

  /** A record of tenant {@code k} with a new id. */
  TaskRecord next() {
    return copy(ids.next(now), "k");
  }

  List<TaskRecord> next(int count) {
    List<TaskRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      records.add(next());
    }
    return records;
  }

  /** A record with this id and tenant. */
  TaskRecord copy(TaskId id, String tenant) {
    return new TaskRecord(id, tenant, "kirin_v3_t2v", null, null, METADATA, false, TaskTimeline.of(now, 1, 1));
  }
}
