package io.kirincontract.mock.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The Task as the API shows it (the spec's {@code Task} schema), as a JSON tree and as the bytes that {@code GET}
 * and callbacks send (one mapper, so both are byte for byte the same). {@code output} and {@code usage} appear only
 * when completed, {@code error} only when failed.
 */
public final class TaskRenderer {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The task as JSON bytes (UTF-8). */
  public byte[] bytes(Task task) {
    try {
      return MAPPER.writeValueAsBytes(render(task));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

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
    if (task.output() != null) {
      ArrayNode content = node.putObject("output").putArray("content");
      for (Task.ContentItem item : task.output().content()) {
        ObjectNode entry = content.addObject();
        entry.put("type", item.type());
        entry.put("url", item.url());
        putNumber(entry, "duration", item.duration());
        entry.put("jobId", item.jobId());
        entry.put("watermarked", item.watermarked());
      }
      node.putObject("usage").put("cost", task.output().cost()).put("discount", 0);
    }
    node.set("metadata", metadata(task.metadata()));
    if (task.error() != null) {
      node.putObject("error").put("code", task.error().code()).put("error_message", task.error().message());
    }
    return node;
  }

  /** A whole number without decimals ({@code 5}), else as it is ({@code 6.8}). */
  private static void putNumber(ObjectNode node, String field, double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      node.put(field, (long) value);
    } else {
      node.put(field, value);
    }
  }

  private static ObjectNode metadata(TaskMetadata metadata) {
    ObjectNode node = JSON.objectNode();
    node.put("resolution", metadata.resolution());
    node.put("width", metadata.width());
    node.put("height", metadata.height());
    node.put("fps", metadata.fps());
    node.put("aspect_ratio", metadata.aspectRatio());
    putNumber(node, "duration", metadata.duration());
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
