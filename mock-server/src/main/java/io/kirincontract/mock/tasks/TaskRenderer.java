package io.kirincontract.mock.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The Task as the API shows it (the spec's {@code Task} schema), as a JSON tree and as the bytes that {@code GET}
 * and callbacks send (one mapper, so both are byte for byte the same). {@code output} and {@code usage} appear only
 * when completed, {@code error} only when failed.
 */
public final class TaskRenderer {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Seconds already formatted, by epoch second modulo the length (see {@link #timestamp}). */
  private static final FormattedSecond[] SECONDS = new FormattedSecond[64];

  /** A second as ISO_INSTANT writes it, without the zone. Immutable, so the cache's slots need no lock. */
  private record FormattedSecond(long second, String text) {}

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

  /**
   * UTC, whole seconds unless there is more, to the millisecond: {@code 2026-11-22T10:00:00Z}, {@code
   * 2026-11-22T10:00:00.250Z} (as {@link DateTimeFormatter#ISO_INSTANT} writes it; the second is formatted by it once
   * and kept in a small cache, as every poll renders two timestamps).
   */
  static String timestamp(Instant instant) {
    long second = instant.getEpochSecond();
    int millis = instant.getNano() / 1_000_000;
    int slot = (int) (second & (SECONDS.length - 1));
    FormattedSecond cached = SECONDS[slot];
    if (cached == null || cached.second() != second) {
      String text = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(second));
      cached = new FormattedSecond(second, text.substring(0, text.length() - 1));
      SECONDS[slot] = cached;
    }
    if (millis == 0) {
      return cached.text() + "Z";
    }
    return cached.text() + "." + (char) ('0' + millis / 100) + (char) ('0' + millis / 10 % 10) + (char) ('0' + millis % 10)
        + "Z";
  }

}
