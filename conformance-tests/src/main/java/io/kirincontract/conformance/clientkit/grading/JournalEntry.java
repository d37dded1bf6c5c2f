package io.kirincontract.conformance.clientkit.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;

/**
 * One request as the mock's journal recorded it (DESIGN §6), reduced to what the graders read.
 *
 * @param seq its place in arrival order
 * @param at when it arrived (wall clock)
 * @param method the HTTP method
 * @param path the path, without the query
 * @param externalTaskId the request's {@code external_task_id} (body or path), or {@code null}
 * @param body the request body as the journal keeps it (media summarised), or {@code null}
 * @param status the status answered, or 0 when no answer went out (a lost answer, a reset)
 * @param errorCode the answer's {@code error.code}, or {@code null}
 * @param rule the answer's {@code error.rule}, or {@code null}
 * @param taskId the task the request made or read, or {@code null}
 * @param stub the id of the stub that answered, or {@code null}
 * @param elapsedMillis how long the mock took to answer
 * @param taskStatus the task status the answer carried, or {@code null} when the journal does not say
 */
public record JournalEntry(
    long seq,
    Instant at,
    String method,
    String path,
    String externalTaskId,
    JsonNode body,
    int status,
    String errorCode,
    String rule,
    String taskId,
    String stub,
    double elapsedMillis,
    String taskStatus) {

  /** The create path. */
  public static final String CREATE_PATH = "/v1/videos/generations";

  private static final String EXTERNAL_PREFIX = CREATE_PATH + "/external/";

  /** Reads an entry of {@code GET /__admin/requests} or {@code POST /__admin/requests/find}. */
  public static JournalEntry fromJson(JsonNode json) {
    String path = text(json, "path");
    if (path != null && path.indexOf('?') >= 0) {
      path = path.substring(0, path.indexOf('?'));
    }
    String external = text(json, "external_task_id");
    if (external == null) {
      external = externalIdInPath(path);
    }
    JsonNode body = json.get("body");
    return new JournalEntry(
        json.path("seq").asLong(),
        Instant.parse(json.path("at").asText()),
        text(json, "method"),
        path,
        external,
        body == null || body.isNull() || body.isMissingNode() ? null : body,
        json.path("status").asInt(0),
        text(json, "error_code"),
        text(json, "rule"),
        text(json, "task_id"),
        text(json, "stub"),
        json.path("elapsed_ms").asDouble(0),
        answerTaskStatus(json));
  }

  /** A {@code POST} to the create path. */
  public boolean isCreate() {
    return "POST".equals(method) && CREATE_PATH.equals(path);
  }

  /** A {@code GET} of one task, by id or by external id. */
  public boolean isPoll() {
    return "GET".equals(method) && path != null && path.startsWith(CREATE_PATH + "/");
  }

  /** A poll by external id. */
  public boolean isExternalLookup() {
    return isPoll() && path.startsWith(EXTERNAL_PREFIX);
  }

  /** The task id the poll's path names, or {@code null} for a lookup by external id or another request. */
  public String polledTaskId() {
    return isPoll() && !isExternalLookup() ? path.substring(CREATE_PATH.length() + 1) : null;
  }

  /** When the answer went out: arrival plus the mock's time to answer. */
  public Instant answeredAt() {
    return at.plusNanos((long) (elapsedMillis * 1_000_000));
  }

  /** A 429 or 5xx: the server did not do what was asked and may be asked again. */
  public boolean isTransientFailure() {
    return status == 429 || status >= 500;
  }

  /** A 4xx other than 408 and 429: the request was refused for what it is. */
  public boolean isRefusal() {
    return status >= 400 && status < 500 && status != 408 && status != 429;
  }

  /** The time from this entry's answer to {@code later}'s arrival. */
  public Duration gapTo(JournalEntry later) {
    return Duration.between(answeredAt(), later.at());
  }

  /** A short label for evidence: {@code seq 4 POST /v1/videos/generations 429}. */
  public String label() {
    return "seq " + seq + " " + method + " " + path + " " + (status == 0 ? "no answer" : Integer.toString(status));
  }

  /** A journal entry with only what a test needs (the rest empty). */
  public static JournalEntry of(long seq, Instant at, String method, String path, int status) {
    return new JournalEntry(
        seq, at, method, path, externalIdInPath(path), null, status, null, null, null, null, 0, null);
  }

  private static String externalIdInPath(String path) {
    return path != null && path.startsWith(EXTERNAL_PREFIX) ? path.substring(EXTERNAL_PREFIX.length()) : null;
  }

  public JournalEntry withBody(JsonNode newBody) {
    String external = newBody != null && newBody.hasNonNull("external_task_id")
        ? newBody.get("external_task_id").asText()
        : externalTaskId;
    return new JournalEntry(
        seq, at, method, path, external, newBody, status, errorCode, rule, taskId, stub, elapsedMillis, taskStatus);
  }

  public JournalEntry withTask(String newTaskId, String newTaskStatus) {
    return new JournalEntry(
        seq, at, method, path, externalTaskId, body, status, errorCode, rule, newTaskId, stub, elapsedMillis,
        newTaskStatus);
  }

  public JournalEntry withStub(String newStub) {
    return new JournalEntry(
        seq, at, method, path, externalTaskId, body, status, errorCode, rule, taskId, newStub, elapsedMillis,
        taskStatus);
  }

  /** A JSON object body from name, value pairs (for tests and examples). */
  public static ObjectNode body(String... pairs) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      node.put(pairs[i], pairs[i + 1]);
    }
    return node;
  }

  private static String answerTaskStatus(JsonNode json) {
    for (String field : new String[] {"task_status", "answer_status"}) {
      String value = text(json, field);
      if (value != null) {
        return value;
      }
    }
    JsonNode answer = json.path("answer").path("body").path("status");
    return answer.isTextual() ? answer.asText() : null;
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
