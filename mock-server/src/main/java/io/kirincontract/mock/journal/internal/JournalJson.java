package io.kirincontract.mock.journal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.kirincontract.mock.journal.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The journal's JSON shapes (DESIGN §6): an entry (written and read back), a listing. */
public final class JournalJson {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private JournalJson() {}

  /** One entry; its body written as kept, without being parsed again. */
  public static ObjectNode entry(RecordedRequest entry) {
    ObjectNode node = JSON.objectNode();
    node.put("seq", entry.seq());
    node.put("at", entry.at().toString());
    node.put("method", entry.method());
    node.put("path", entry.path());
    node.put("key_id", entry.keyId());
    node.put("model", entry.model());
    node.put("external_task_id", entry.externalTaskId());
    ObjectNode headers = node.putObject("headers");
    entry.headers().forEach(headers::put);
    String body = entry.bodyJson();
    if (body != null) {
      node.putRawValue("body", new RawValue(body));
    } else if (entry.bodyText() != null) {
      node.put("body", entry.bodyText());
    } else {
      node.putNull("body");
    }
    if (entry.status() == 0) {
      node.putNull("status");
    } else {
      node.put("status", entry.status());
    }
    node.put("outcome", entry.outcome());
    node.put("error_code", entry.errorCode());
    node.put("rule", entry.rule());
    node.put("task_id", entry.taskId());
    node.put("task_status", entry.taskStatus());
    node.put("stub", entry.stub());
    node.put("fault", entry.fault());
    node.put("elapsed_ms", entry.elapsedMs());
    return node;
  }

  /** An entry as {@link #entry} wrote it (for {@link io.kirincontract.mock.admin.HttpAdminClient}). */
  public static RecordedRequest read(JsonNode node) {
    RecordedRequest.Builder entry =
        new RecordedRequest.Builder()
            .seq(node.path("seq").asLong())
            .at(Instant.parse(node.path("at").asText()))
            .request(node.path("method").asText(), node.path("path").asText())
            .keyId(text(node, "key_id"))
            .model(text(node, "model"))
            .externalTaskId(text(node, "external_task_id"))
            .answer(node.path("status").asInt(0), text(node, "error_code"), text(node, "rule"))
            .taskId(text(node, "task_id"))
            .taskStatus(text(node, "task_status"))
            .stub(text(node, "stub"), text(node, "fault"))
            .elapsedMs(node.path("elapsed_ms").asDouble());
    JsonNode headers = node.path("headers");
    entry.headers(
        text(headers, "Content-Type"),
        text(headers, "User-Agent"),
        text(headers, "X-Kirin-Mock-Scenario"),
        text(headers, "Idempotency-Key"));
    JsonNode body = node.path("body");
    if (body.isTextual()) {
      entry.bodyText(body.textValue());
    } else if (!body.isNull() && !body.isMissingNode()) {
      entry.bodyJson(body.toString().getBytes(StandardCharsets.UTF_8));
    }
    return entry.build();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNull() || value.isMissingNode() ? null : value.asText();
  }

  /** {@code {"total", "dropped", "requests": [...]}}. */
  public static ObjectNode listing(List<RecordedRequest> entries, long total, long dropped) {
    ObjectNode node = JSON.objectNode();
    node.put("total", total);
    node.put("dropped", dropped);
    ArrayNode list = node.putArray("requests");
    entries.forEach(entry -> list.add(entry(entry)));
    return node;
  }

  /** {@code {"requests": [...]}}. */
  public static ObjectNode found(List<RecordedRequest> entries) {
    ObjectNode node = JSON.objectNode();
    ArrayNode list = node.putArray("requests");
    entries.forEach(entry -> list.add(entry(entry)));
    return node;
  }
}
