package io.kirincontract.mock.tasks.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.tasks.Task;
import io.kirincontract.mock.tasks.TaskMetadata;
import io.kirincontract.mock.tasks.TaskWarning;
import io.kirincontract.mock.util.internal.JsonBytes;
import io.kirincontract.mock.util.internal.RecentCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The Task as the API shows it (the spec's {@code Task} schema), as the bytes that {@code POST}, {@code GET} and
 * callbacks send (one writer, so all of them are byte for byte the same), or as a JSON tree for the admin API. {@code
 * output} and {@code usage} appear only when completed, {@code error} only when failed.
 *
 * <p>The bytes are written field by field with Jackson's streaming generator: every poll renders a task, and building
 * a tree first and serializing it took a tenth of a poll's CPU.
 */
public final class TaskRenderer {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Seconds already formatted, by epoch second modulo the length (see {@link #timestamp}). */
  private static final FormattedSecond[] SECONDS = new FormattedSecond[64];

  /** A second as ISO_INSTANT writes it, without the zone. Immutable, so the cache's slots need no lock. */
  private record FormattedSecond(long second, String text) {}

  /**
   * Metadata already written, by the identity of the (interned, immutable) {@link TaskMetadata}: most tasks share
   * a handful of them, and every create and poll writes one.
   */
  private static final RecentCache<TaskMetadata, SerializedString> METADATA = RecentCache.byIdentity(256);

  /**
   * Tasks recently written, by their view: a client polls a task many times in the same status (and a finished one
   * until it looks), and writing it was most of a poll's own work. Placed by id, matched by the whole view.
   */
  private final RecentCache<Task, byte[]> written = RecentCache.byEquality(1024, task -> task.id().hashCode());

  /** The task as JSON bytes (UTF-8); the array may be shared with other callers, so it must not be changed. */
  public byte[] bytes(Task task) {
    byte[] cached = written.get(task);
    if (cached != null) {
      return cached;
    }
    return bytesOfNew(task);
  }

  /**
   * {@link #bytes} for a task just created, which no cache holds yet: written without looking (comparing it with the
   * slot's task cost a create half a microsecond) and kept for the polls that follow.
   */
  public byte[] bytesOfNew(Task task) {
    byte[] bytes = write(task);
    written.put(task, bytes);
    return bytes;
  }

  private static byte[] write(Task task) {
    return JsonBytes.of(json -> write(task, json));
  }

  /** The task as a JSON tree (the same fields as {@link #bytes}). */
  public ObjectNode render(Task task) {
    try {
      return (ObjectNode) MAPPER.readTree(bytes(task));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a task just written", e);
    }
  }

  private static void write(Task task, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", task.id());
    json.writeStringField("model", task.model());
    json.writeStringField("status", task.status().wireName());
    if (task.externalTaskId() != null) {
      json.writeStringField("external_task_id", task.externalTaskId());
    }
    json.writeStringField("created_at", timestamp(task.createdAt()));
    json.writeStringField("updated_at", timestamp(task.updatedAt()));
    if (task.output() != null) {
      json.writeObjectFieldStart("output");
      json.writeArrayFieldStart("content");
      for (Task.ContentItem item : task.output().content()) {
        json.writeStartObject();
        json.writeStringField("type", item.type());
        json.writeStringField("url", item.url());
        writeNumber(json, "duration", item.duration());
        json.writeStringField("jobId", item.jobId());
        json.writeBooleanField("watermarked", item.watermarked());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeObjectFieldStart("usage");
      json.writeStringField("cost", task.output().cost());
      json.writeNumberField("discount", 0);
      json.writeEndObject();
    }
    json.writeFieldName("metadata");
    json.writeRawValue(metadataJson(task.metadata()));
    if (task.error() != null) {
      json.writeObjectFieldStart("error");
      json.writeStringField("code", task.error().code());
      json.writeStringField("error_message", task.error().message());
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  /** A whole number without decimals ({@code 5}), else as it is ({@code 6.8}). */
  private static void writeNumber(JsonGenerator json, String field, double value) throws IOException {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      json.writeNumberField(field, (long) value);
    } else {
      json.writeNumberField(field, value);
    }
  }

  /** The metadata object as {@link #writeMetadata} writes it, from the cache when it was written before. */
  private static SerializedString metadataJson(TaskMetadata metadata) throws IOException {
    SerializedString cached = METADATA.get(metadata);
    if (cached != null) {
      return cached;
    }
    SerializedString written =
        new SerializedString(new String(JsonBytes.of(json -> writeMetadata(json, metadata)), StandardCharsets.UTF_8));
    METADATA.put(metadata, written);
    return written;
  }

  private static void writeMetadata(JsonGenerator json, TaskMetadata metadata) throws IOException {
    json.writeStartObject();
    json.writeStringField("resolution", metadata.resolution());
    json.writeNumberField("width", metadata.width());
    json.writeNumberField("height", metadata.height());
    json.writeNumberField("fps", metadata.fps());
    json.writeStringField("aspect_ratio", metadata.aspectRatio());
    writeNumber(json, "duration", metadata.duration());
    json.writeStringField("mode", metadata.mode());
    json.writeStringField("sound", metadata.sound());
    if (metadata.multiShot() != null) {
      json.writeBooleanField("multi_shot", metadata.multiShot());
    }
    json.writeStringField("generation_type", metadata.generationType());
    if (metadata.inputVideoDuration() != null) {
      json.writeNumberField("input_video_duration", metadata.inputVideoDuration());
    }
    json.writeArrayFieldStart("ignored_params");
    for (String param : metadata.ignoredParams()) {
      json.writeString(param);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("warnings");
    for (TaskWarning warning : metadata.warnings()) {
      json.writeStartObject();
      if (warning.rule() != null) {
        json.writeStringField("rule", warning.rule());
      }
      if (warning.param() != null) {
        json.writeStringField("param", warning.param());
      }
      json.writeStringField("message", warning.message());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
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
