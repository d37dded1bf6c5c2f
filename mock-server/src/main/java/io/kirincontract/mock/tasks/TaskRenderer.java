package io.kirincontract.mock.tasks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The Task as the API shows it (the spec's {@code Task} schema). */
public final class TaskRenderer {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  public ObjectNode render(Task task) {
    ObjectNode node = JSON.objectNode();
    node.put("id", task.id());
    node.put("model", task.model());
    node.put("status", task.status().wireName());
    if (task.externalTaskId() != null) {
      node.put("external_task_id", task.externalTaskId());
    }
    node.put("created_at", timestamp(task.createdAt()));
    node.put("updated_at", timestamp(task.updatedAt()));
    node.set("metadata", metadata(task.metadata()));
    return node;
  }

  private static ObjectNode metadata(TaskMetadata metadata) {
    ObjectNode node = JSON.objectNode();
    node.put("resolution", metadata.resolution());
    node.put("width", metadata.width());
    node.put("height", metadata.height());
    node.put("fps", metadata.fps());
    node.put("aspect_ratio", metadata.aspectRatio());
    if (metadata.duration() == Math.rint(metadata.duration())) {
      node.put("duration", (long) metadata.duration());
    } else {
      node.put("duration", metadata.duration());
    }
    node.put("mode", metadata.mode());
    node.put("sound", metadata.sound());
    if (metadata.multiShot() != null) {
      node.put("multi_shot", metadata.multiShot());
    }
    node.put("generation_type", metadata.generationType());
    if (metadata.inputVideoDuration() != null) {
      node.put("input_video_duration", metadata.inputVideoDuration());
    }
    ArrayNode ignored = node.putArray("ignored_params");
    metadata.ignoredParams().forEach(ignored::add);
    ArrayNode warnings = node.putArray("warnings");
    for (TaskWarning warning : metadata.warnings()) {
      ObjectNode item = warnings.addObject();
      if (warning.rule() != null) {
        item.put("rule", warning.rule());
      }
      if (warning.param() != null) {
        item.put("param", warning.param());
      }
      item.put("message", warning.message());
    }
    return node;
  }

  /** UTC, whole seconds unless there is more: {@code 2026-11-22T10:00:00Z}. */
  static String timestamp(Instant instant) {
    Instant value = instant.getNano() % 1_000_000 == 0 ? instant : instant.truncatedTo(ChronoUnit.MILLIS);
    return DateTimeFormatter.ISO_INSTANT.format(value);
  }
}
