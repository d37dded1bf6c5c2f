package io.kirincontract.mock.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kirincontract.mock.journal.internal.BodySummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request under {@code /v1/} as the journal keeps it (DESIGN §6): what was sent (method, path, the key's id, a few
 * headers, the body with media and long strings summarised) and how the mock answered (status, error code, rule,
 * task, the stub that answered). Immutable.
 *
 * <p>The body is kept as JSON bytes (what the client sent when nothing had to be summarised) and read into a tree only
 * when asked for; a body that is not JSON is kept as its first 1 KB of text instead.
 */
public final class RecordedRequest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final long seq;
  private final Instant at;
  private final String method;
  private final String path;
  private final String keyId;
  private final String model;
  private final String externalTaskId;
  private final String contentType;
  private final String userAgent;
  private final String scenario;
  private final String idempotencyKey;
  private final byte[] bodyJson;
  private final String bodyText;
  private final int status;
  private final String errorCode;
  private final String rule;
  private final String taskId;
  private final String taskStatus;
  private final String stub;
  private final String fault;
  private final double elapsedMs;

  RecordedRequest(Builder b) {
    this.seq = b.seq;
    this.at = b.at;
    this.method = b.method;
    this.path = b.path;
    this.keyId = b.keyId;
    this.model = b.model;
    this.externalTaskId = b.externalTaskId;
    this.contentType = b.contentType;
    this.userAgent = b.userAgent;
    this.scenario = b.scenario;
    this.idempotencyKey = b.idempotencyKey;
    this.bodyJson = b.bodyJson;
    this.bodyText = b.bodyText;
    this.status = b.status;
    this.errorCode = b.errorCode;
    this.rule = b.rule;
    this.taskId = b.taskId;
    this.taskStatus = b.taskStatus;
    this.stub = b.stub;
    this.fault = b.fault;
    this.elapsedMs = b.elapsedMs;
  }

  /** The entry's number: 1 for the first request after start or a reset, in arrival order. */
  public long seq() {
    return seq;
  }

  /** When the request arrived (wall clock, not the mock's clock). */
  public Instant at() {
    return at;
  }

  public String method() {
    return method;
  }

  /** The path, without the query. */
  public String path() {
    return path;
  }

  /** {@code key_} and 12 hex digits of the key's SHA-256 ({@link io.kirincontract.mock.util.internal.KeyId}); null if none. */
  public String keyId() {
    return keyId;
  }

  /** The model the request named (create) or the model of the task it read (poll); null if none. */
  public String model() {
    return model;
  }

  public String externalTaskId() {
    return externalTaskId;
  }

  /**
   * The recorded headers: {@code Content-Type}, {@code User-Agent}, {@code X-Kirin-Mock-Scenario} (null when not
   * sent), and {@code Idempotency-Key} when sent. {@code Authorization} is never recorded.
   */
  public Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    headers.put("User-Agent", userAgent);
    headers.put("X-Kirin-Mock-Scenario", scenario);
    if (idempotencyKey != null) {
      headers.put("Idempotency-Key", idempotencyKey);
    }
    return headers;
  }

  /** The JSON body, media and strings over 1 KB summarised; null when there was none or it was not JSON. */
  public JsonNode body() {
    if (bodyJson == null) {
      return null;
    }
    try {
      return JSON.readTree(bodyJson);
    } catch (IOException e) {
      throw new IllegalStateException("a recorded body is JSON", e);
    }
  }

  /** The JSON body as text (summarised); null when there was none or it was not JSON. */
  public String bodyJson() {
    return bodyJson == null ? null : new String(bodyJson, StandardCharsets.UTF_8);
  }

  /** A body that was not JSON: its first 1 KB as text; null otherwise. */
  public String bodyText() {
    return bodyText;
  }

  /** The status of the answer; 0 when the connection was closed without one (the {@code reset} fault). */
  public int status() {
    return status;
  }

  /** {@code accepted} for a 2xx answer (even one a fault then lost), else {@code refused}. */
  public String outcome() {
    return status >= 200 && status < 300 ? "accepted" : "refused";
  }

  public boolean refused() {
    return !"accepted".equals(outcome());
  }

  /** The error code of a refused request, null otherwise. */
  public String errorCode() {
    return errorCode;
  }

  /** The rule id a refused request broke, if any. */
  public String rule() {
    return rule;
  }

  /** The task the request created or asked for; null if none. */
  public String taskId() {
    return taskId;
  }

  /**
   * The status of the task the mock's answer carried ({@code processing}), null when the answer carried no task (a
   * refusal, a stub): what a client was shown, so that a grader can tell when it first saw a final status.
   */
  public String taskStatus() {
    return taskStatus;
  }

  /** The id of the stub that answered ({@code stub_1}), null when the mock answered itself. */
  public String stub() {
    return stub;
  }

  /** {@code lost_answer}, {@code garbled_answer} or {@code reset} when a stub's fault hit the answer, else null. */
  public String fault() {
    return fault;
  }

  /** How long the mock took to answer, in milliseconds. */
  public double elapsedMs() {
    return elapsedMs;
  }

  byte[] bodyBytes() {
    return bodyJson;
  }

  @Override
  public String toString() {
    return "#" + seq + " " + method + " " + path + " -> " + (status == 0 ? "no answer" : status)
        + (errorCode == null ? "" : " " + errorCode) + (rule == null ? "" : " (" + rule + ")")
        + (model == null ? "" : ", model " + model) + (keyId == null ? "" : ", " + keyId)
        + (stub == null ? "" : ", " + stub) + (fault == null ? "" : " " + fault);
  }

  /** Builds an entry; the journal numbers it. */
  public static final class Builder {
    long seq;
    Instant at;
    String method;
    String path;
    String keyId;
    String model;
    String externalTaskId;
    String contentType;
    String userAgent;
    String scenario;
    String idempotencyKey;
    byte[] bodyJson;
    String bodyText;
    int status;
    String errorCode;
    String rule;
    String taskId;
    String taskStatus;
    String stub;
    String fault;
    double elapsedMs;

    public Builder seq(long seq) {
      this.seq = seq;
      return this;
    }

    public Builder at(Instant at) {
      this.at = at;
      return this;
    }

    public Builder request(String method, String path) {
      this.method = method;
      this.path = path;
      return this;
    }

    public Builder keyId(String keyId) {
      this.keyId = keyId;
      return this;
    }

    public Builder model(String model) {
      this.model = model;
      return this;
    }

    public Builder externalTaskId(String externalTaskId) {
      this.externalTaskId = externalTaskId;
      return this;
    }

    public Builder headers(String contentType, String userAgent, String scenario, String idempotencyKey) {
      this.contentType = contentType;
      this.userAgent = userAgent;
      this.scenario = scenario;
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    /** A summarised body ({@link BodySummary}). */
    public Builder body(BodySummary.Summary body) {
      if (body != null) {
        this.bodyJson = body.json();
        this.bodyText = body.text();
      }
      return this;
    }

    /** A body that was not JSON, as text. */
    public Builder bodyText(String bodyText) {
      this.bodyText = bodyText;
      return this;
    }

    /** A JSON body, as UTF-8 bytes. */
    public Builder bodyJson(byte[] bodyJson) {
      this.bodyJson = bodyJson;
      return this;
    }

    public Builder answer(int status, String errorCode, String rule) {
      this.status = status;
      this.errorCode = errorCode;
      this.rule = rule;
      return this;
    }

    public Builder taskStatus(String taskStatus) {
      this.taskStatus = taskStatus;
      return this;
    }

    public Builder taskId(String taskId) {
      this.taskId = taskId;
      return this;
    }

    public Builder stub(String stub, String fault) {
      this.stub = stub;
      this.fault = fault;
      return this;
    }

    public Builder elapsedMs(double elapsedMs) {
      this.elapsedMs = elapsedMs;
      return this;
    }

    public long seq() {
      return seq;
    }

    public RecordedRequest build() {
      return new RecordedRequest(this);
    }
  }
}
