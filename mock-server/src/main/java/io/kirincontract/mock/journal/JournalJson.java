package io.kirincontract.mock.journal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.List;

/** The journal's JSON shapes (DESIGN §6): an entry, a listing. */
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
