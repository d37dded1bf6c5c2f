package io.kirincontract.mock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.control.ControlConflictException;
import io.kirincontract.mock.control.FaultSettings;
import io.kirincontract.mock.control.InvalidControlException;
import io.kirincontract.mock.control.ScenarioRule;
import io.kirincontract.mock.journal.RecordedRequest;
import io.kirincontract.mock.journal.RequestJournal;
import io.kirincontract.mock.journal.RequestPattern;
import io.kirincontract.mock.journal.internal.JournalJson;
import io.kirincontract.mock.journal.internal.Verification;
import io.kirincontract.mock.stubs.Stub;
import io.kirincontract.mock.stubs.StubRegistry;
import io.kirincontract.mock.stubs.internal.StubJson;
import io.kirincontract.mock.tasks.NoSuchTaskException;
import io.kirincontract.mock.tasks.TaskStateException;
import io.kirincontract.mock.tasks.TaskStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * {@link KirinAdmin} over HTTP: steers a mock started as a process ({@code java -jar kirin-mock-server.jar}) through
 * its {@code /__admin/...} endpoints, with the JDK's {@link HttpClient} and Jackson. It gives the answers {@code
 * server.admin()} gives in-process and throws the same exceptions for the same refusals.
 *
 * <pre>{@code
 * KirinAdmin admin = HttpAdminClient.of("http://127.0.0.1:8080");            // no --admin-token
 * KirinAdmin admin = HttpAdminClient.of("http://127.0.0.1:8080", "s3cret");  // --admin-token s3cret
 * admin.verify(1, RequestPattern.creates().model("kirin_v3_t2v"));
 * }</pre>
 *
 * <p>{@code verify} and {@code verifyNoRefusedRequests} read the whole journal ({@code GET /__admin/requests}, page by
 * page) and judge it here, with the same matcher and the same near-miss messages as the embedded mock.
 */
public final class HttpAdminClient implements KirinAdmin {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String baseUrl;
  private final String adminToken;
  private final HttpClient http;

  private HttpAdminClient(String baseUrl, String adminToken) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.adminToken = adminToken;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** The admin API of the mock at {@code baseUrl} ({@code http://127.0.0.1:8080}), started without a token. */
  public static HttpAdminClient of(String baseUrl) {
    return new HttpAdminClient(Objects.requireNonNull(baseUrl, "baseUrl"), null);
  }

  /** The admin API of a mock started with {@code --admin-token adminToken}. */
  public static HttpAdminClient of(String baseUrl, String adminToken) {
    Objects.requireNonNull(adminToken, "adminToken");
    return new HttpAdminClient(Objects.requireNonNull(baseUrl, "baseUrl"), adminToken);
  }

  // ---- tasks

  @Override
  public List<AdminTask> tasks(TaskQuery query) {
    StringJoiner params = new StringJoiner("&", "?", "");
    param(params, "key", query.key());
    param(params, "model", query.model());
    param(params, "status", query.status() == null ? null : query.status().wireName());
    param(params, "offset", Integer.toString(query.offset()));
    param(params, "limit", Integer.toString(query.limit()));
    return AdminAnswers.list(get("/__admin/tasks" + params).path("tasks"), AdminAnswers::task);
  }

  @Override
  public Optional<AdminTask> task(String taskId) {
    try {
      return Optional.of(AdminAnswers.task(send("GET", taskPath(taskId, ""), null, taskId)));
    } catch (NoSuchTaskException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean deleteTask(String taskId) {
    try {
      send("DELETE", taskPath(taskId, ""), null, taskId);
      return true;
    } catch (NoSuchTaskException e) {
      return false;
    }
  }

  @Override
  public AdminTask failTask(String taskId, String code, TaskStatus stage) {
    ObjectNode body = JSON.createObjectNode();
    if (code != null) {
      body.put("code", code);
    }
    if (stage != null) {
      body.put("stage", stage.wireName());
    }
    return AdminAnswers.task(send("POST", taskPath(taskId, "/fail"), body, taskId));
  }

  @Override
  public AdminTask holdTask(String taskId, TaskStatus status) {
    ObjectNode body = JSON.createObjectNode().put("status", status == null ? null : status.wireName());
    return AdminAnswers.task(send("POST", taskPath(taskId, "/hold"), body, taskId));
  }

  @Override
  public AdminTask releaseTask(String taskId) {
    return AdminAnswers.task(send("POST", taskPath(taskId, "/release"), JSON.createObjectNode(), taskId));
  }

  @Override
  public AdminTask setTaskDuration(String taskId, Duration total) {
    ObjectNode body = JSON.createObjectNode().put("duration", total == null ? null : total.toString());
    return AdminAnswers.task(send("POST", taskPath(taskId, "/duration"), body, taskId));
  }

  // ---- scenario rules

  @Override
  public AdminScenario addScenario(ScenarioRule rule) {
    ObjectNode body = JSON.createObjectNode();
    if (rule.model() != null) {
      body.put("model", rule.model());
    }
    if (rule.key() != null) {
      body.put("key", rule.key());
    }
    body.put("count", rule.count()).put("scenario", rule.scenario().toString());
    return AdminAnswers.scenario(send("POST", "/__admin/scenarios", body, null));
  }

  @Override
  public List<AdminScenario> scenarios() {
    return AdminAnswers.list(get("/__admin/scenarios").path("scenarios"), AdminAnswers::scenario);
  }

  @Override
  public boolean removeScenario(long id) {
    return deleteIfFound("/__admin/scenarios/" + id, "scenario_not_found");
  }

  @Override
  public void clearScenarios() {
    send("DELETE", "/__admin/scenarios", null, null);
  }

  // ---- limits

  @Override
  public int maxRunningTasks() {
    return get("/__admin/limits").path("max_running_tasks").asInt();
  }

  @Override
  public void maxRunningTasks(int limit) {
    send("PUT", "/__admin/limits", JSON.createObjectNode().put("max_running_tasks", limit), null);
  }

  // ---- HTTP faults

  @Override
  public FaultSettings faults() {
    return AdminAnswers.faults(get("/__admin/faults"));
  }

  @Override
  public void faults(FaultSettings settings) {
    Objects.requireNonNull(settings, "settings");
    ObjectNode body =
        JSON.createObjectNode()
            .put("latency", settings.latency().toString())
            .put("latency_share", settings.latencyShare())
            .put("error_share", settings.errorShare())
            .put("error_status", settings.errorStatus())
            .put("seed", settings.seed());
    send("PUT", "/__admin/faults", body, null);
  }

  @Override
  public void clearFaults() {
    send("DELETE", "/__admin/faults", null, null);
  }

  // ---- clock

  @Override
  public Instant now() {
    return Instant.parse(get("/__admin/clock").path("now").asText());
  }

  @Override
  public Instant advanceClock(Duration duration) {
    ObjectNode body = JSON.createObjectNode().put("duration", duration == null ? null : duration.toString());
    return Instant.parse(send("POST", "/__admin/clock/advance", body, null).path("now").asText());
  }

  // ---- callbacks

  @Override
  public List<CallbackDelivery> callbacks(String taskId) {
    StringJoiner params = new StringJoiner("&", "?", "");
    param(params, "limit", "1000");
    param(params, "task_id", taskId);
    return AdminAnswers.list(get("/__admin/callbacks" + params).path("deliveries"), AdminAnswers::delivery);
  }

  // ---- request journal

  @Override
  public List<RecordedRequest> requests(RequestPattern pattern) {
    JsonNode found = send("POST", "/__admin/requests/find", pattern.toJson(), null).path("requests");
    return AdminAnswers.list(found, JournalJson::read);
  }

  @Override
  public int countRequests(RequestPattern pattern) {
    return send("POST", "/__admin/requests/count", pattern.toJson(), null).path("count").asInt();
  }

  @Override
  public void verify(int times, RequestPattern pattern) {
    Verification.times(journal(), times, pattern.toMatcher());
  }

  @Override
  public void verifyNoRefusedRequests() {
    Verification.noRefusedRequests(journal());
  }

  @Override
  public void clearRequests() {
    send("DELETE", "/__admin/requests", null, null);
  }

  // ---- stubs

  @Override
  public String stub(Stub stub) {
    return send("POST", "/__admin/stubs", StubJson.write(stub), null).path("id").asText();
  }

  @Override
  public List<StubRegistry.Armed> stubs() {
    return AdminAnswers.list(get("/__admin/stubs").path("stubs"), StubJson::readArmed);
  }

  @Override
  public boolean removeStub(String id) {
    return deleteIfFound("/__admin/stubs/" + encode(id), "stub_not_found");
  }

  @Override
  public void clearStubs() {
    send("DELETE", "/__admin/stubs", null, null);
  }

  // ---- reset

  @Override
  public void reset() {
    send("POST", "/__admin/reset", JSON.createObjectNode(), null);
  }

  @Override
  public String toString() {
    return "HttpAdminClient[" + baseUrl + "]";
  }

  /** The whole journal, oldest first, page by page. */
  private List<RecordedRequest> journal() {
    List<RecordedRequest> entries = new ArrayList<>();
    long since = 0;
    while (true) {
      JsonNode page = get("/__admin/requests?limit=" + RequestJournal.MAX_LIMIT + "&since=" + since).path("requests");
      if (page.isEmpty()) {
        return entries;
      }
      for (JsonNode node : page) {
        RecordedRequest entry = JournalJson.read(node);
        entries.add(entry);
        since = Math.max(since, entry.seq());
      }
    }
  }

  private boolean deleteIfFound(String path, String notFoundCode) {
    try {
      send("DELETE", path, null, null);
      return true;
    } catch (AdminRefusal e) {
      if (e.status == 404 && notFoundCode.equals(e.code)) {
        return false;
      }
      throw e;
    }
  }

  private JsonNode get(String path) {
    return send("GET", path, null, null);
  }

  /**
   * Sends one admin request; a refusal becomes the exception the embedded admin throws for it.
   *
   * @param taskId the task the request is about, for {@link NoSuchTaskException}; or {@code null}
   */
  private JsonNode send(String method, String path, JsonNode body, String taskId) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT);
    if (adminToken != null) {
      request.header("Authorization", "Bearer " + adminToken);
    }
    if (!method.equals("GET")) {
      request.header("Content-Type", "application/json"); // the mock asks it of every admin write, even without body
    }
    request.method(
        method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + baseUrl + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted on " + method + " " + path, e);
    }
    JsonNode answer = read(response.body());
    int status = response.statusCode();
    if (status / 100 == 2) {
      return answer;
    }
    JsonNode error = answer.path("error");
    String code = error.path("code").asText(null);
    String message = error.path("error_message").asText(response.body());
    if (status == 404 && "task_not_found".equals(code) && taskId != null) {
      throw new NoSuchTaskException(taskId);
    } else if (status == 409 && "task_state_conflict".equals(code)) {
      throw new TaskStateException(message);
    } else if (status == 409 && code != null) {
      throw new ControlConflictException(code, message);
    } else if (status == 400 && "invalid_parameter".equals(code)) {
      throw new InvalidControlException(message, error.path("param").asText(null));
    }
    throw new AdminRefusal(status, code, method + " " + path + " answered " + status + ": " + response.body());
  }

  private static JsonNode read(String body) {
    if (body.isEmpty()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static String taskPath(String taskId, String action) {
    return "/__admin/tasks/" + encode(Objects.requireNonNull(taskId, "taskId")) + action;
  }

  private static void param(StringJoiner params, String name, String value) {
    if (value != null) {
      params.add(name + "=" + encode(value));
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** An answer the embedded admin has no exception for (such as {@code 401 unauthorized}): its status and code. */
  public static final class AdminRefusal extends RuntimeException {

    private final int status;
    private final String code;

    AdminRefusal(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }

    public int status() {
      return status;
    }

    /** The error code of the answer's envelope, or {@code null}. */
    public String code() {
      return code;
    }
  }
}
