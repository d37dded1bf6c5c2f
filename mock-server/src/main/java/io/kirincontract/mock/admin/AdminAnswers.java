package io.kirincontract.mock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.control.FaultSettings;
import io.kirincontract.mock.control.ScenarioHeader;
import io.kirincontract.mock.tasks.Task;
import io.kirincontract.mock.tasks.TaskMetadata;
import io.kirincontract.mock.tasks.TaskStatus;
import io.kirincontract.mock.tasks.TaskWarning;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The admin API's JSON answers read back into the types of {@link KirinAdmin} (for {@link HttpAdminClient}). */
final class AdminAnswers {

  private AdminAnswers() {}

  static AdminTask task(JsonNode node) {
    String heldIn = text(node, "held_in");
    String next = text(node, "next_change_at");
    return new AdminTask(
        apiTask(node.path("task")),
        text(node, "key_id"),
        text(node, "callback_url"),
        heldIn == null ? null : status(heldIn),
        next == null ? null : Instant.parse(next));
  }

  static AdminScenario scenario(JsonNode node) {
    Set<String> models = new LinkedHashSet<>(list(node.path("models"), JsonNode::asText));
    return new AdminScenario(
        node.path("id").asLong(),
        text(node, "model"),
        text(node, "key_id"),
        node.path("count").asInt(),
        node.path("remaining").asInt(),
        ScenarioHeader.parse(node.path("scenario").asText(), "scenario"),
        models);
  }

  static CallbackDelivery delivery(JsonNode node) {
    return new CallbackDelivery(
        text(node, "key_id"),
        text(node, "task_id"),
        text(node, "status"),
        text(node, "url"),
        node.path("attempt").asInt(),
        Instant.parse(node.path("started_at").asText()),
        node.path("http_status").isNull() ? null : node.path("http_status").asInt(),
        text(node, "error"),
        node.path("duration_ms").asLong(),
        text(node, "outcome"),
        node.path("retry_in_ms").isNull() ? null : node.path("retry_in_ms").asLong());
  }

  static FaultSettings faults(JsonNode node) {
    return new FaultSettings(
        Duration.parse(node.path("latency").asText()),
        node.path("latency_share").asDouble(),
        node.path("error_share").asDouble(),
        node.path("error_status").asInt(),
        node.path("seed").asLong());
  }

  static <T> List<T> list(JsonNode array, Function<JsonNode, T> read) {
    List<T> items = new ArrayList<>();
    array.forEach(item -> items.add(read.apply(item)));
    return items;
  }

  /** The Task as the API renders it (the admin view has no key: {@code tenant} is {@code null}). */
  private static Task apiTask(JsonNode node) {
    Task.Output output = null;
    if (node.has("output")) {
      output =
          new Task.Output(
              list(
                  node.path("output").path("content"),
                  item ->
                      new Task.ContentItem(
                          item.path("type").asText(),
                          item.path("url").asText(),
                          item.path("duration").asDouble(),
                          item.path("jobId").asText(),
                          item.path("watermarked").asBoolean())),
              node.path("usage").path("cost").asText());
    }
    JsonNode failure = node.path("error");
    Task.Error error =
        node.has("error") ? new Task.Error(failure.path("code").asText(), failure.path("error_message").asText()) : null;
    return new Task(
        node.path("id").asText(),
        null,
        node.path("model").asText(),
        status(node.path("status").asText()),
        text(node, "external_task_id"),
        Instant.parse(node.path("created_at").asText()),
        Instant.parse(node.path("updated_at").asText()),
        metadata(node.path("metadata")),
        output,
        error);
  }

  private static TaskMetadata metadata(JsonNode node) {
    return new TaskMetadata(
        text(node, "resolution"),
        node.path("width").asInt(),
        node.path("height").asInt(),
        node.path("fps").asInt(),
        text(node, "aspect_ratio"),
        node.path("duration").asDouble(),
        text(node, "mode"),
        text(node, "sound"),
        node.has("multi_shot") ? node.path("multi_shot").asBoolean() : null,
        text(node, "generation_type"),
        node.has("input_video_duration") ? node.path("input_video_duration").asDouble() : null,
        list(node.path("ignored_params"), JsonNode::asText),
        list(
            node.path("warnings"),
            warning -> new TaskWarning(text(warning, "rule"), text(warning, "param"), text(warning, "message"))));
  }

  private static TaskStatus status(String wire) {
    return TaskStatus.fromWire(wire).orElseThrow(() -> new IllegalStateException("not a task status: " + wire));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNull() || value.isMissingNode() ? null : value.asText();
  }
}
