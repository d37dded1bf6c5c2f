package io.kirincontract.conformance.clientkit.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.conformance.clientkit.ClientKitException;
import io.kirincontract.conformance.clientkit.ClientScenario;
import io.kirincontract.conformance.clientkit.grading.JournalEntry;
import io.kirincontract.conformance.clientkit.grading.RunRecord;
import io.kirincontract.conformance.clientkit.grading.TaskFacts;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.admin.AdminTask;
import io.kirincontract.mock.admin.TaskQuery;
import io.kirincontract.mock.control.Scenario;
import io.kirincontract.mock.control.ScenarioRule;
import io.kirincontract.mock.lifecycle.MockClock;
import io.kirincontract.mock.tasks.Task;
import io.kirincontract.mock.tasks.TaskStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mock the kit grades against: started in-process on {@code 127.0.0.1}, port 0, its clock sped up. Each scenario
 * is armed for its own key with the journal's stubs ({@code POST /__admin/stubs}, DESIGN §6) and a scenario rule for
 * the key's tasks (how long they take, whether they fail); after the run, the key's journal entries ({@code POST
 * /__admin/requests/find}) and tasks make the {@link RunRecord}.
 */
public final class KitMock implements AutoCloseable {

  /** How many of the key's tasks the scenario rule covers: every task a run can make. */
  private static final int TASKS_PER_RULE = 10_000;
  /** Journal entries kept: every scenario's requests, even from a program that polls every few milliseconds. */
  private static final int JOURNAL_SIZE = 100_000;
  /** How many creates the {@code always-failing} stub answers. */
  private static final int ALWAYS = 100_000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BAD_REQUEST_CODE = "invalid_parameter";
  private static final String BAD_REQUEST_RULE = "client-kit.bad-request";

  private final KirinMockServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final Duration taskDuration;

  private KitMock(KirinMockServer server, Duration taskDuration) {
    this.server = server;
    this.baseUrl = "http://127.0.0.1:" + server.port();
    this.taskDuration = taskDuration;
  }

  /**
   * Starts the mock.
   *
   * @param timeScale how much faster than real time its clock runs
   * @param taskDuration how long a task takes in mock time
   */
  public static KitMock start(double timeScale, Duration taskDuration) {
    try {
      return new KitMock(
          KirinMockServer.start(config -> config.host("127.0.0.1").port(0).timeScale(timeScale).requestLog(false)
              .journal(true).journalSize(JOURNAL_SIZE)),
          taskDuration);
    } catch (RuntimeException e) {
      throw new ClientKitException("the mock would not start: " + e.getMessage(), e);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The task time in real time, for the report. */
  public Duration realTaskDuration() {
    return Duration.ofNanos((long) (taskDuration.toNanos() / server.clock().timeScale()));
  }

  /** Arms the mock for one scenario's key. */
  Armed arm(ClientScenario scenario, String key) {
    Scenario course = scenario == ClientScenario.TASK_FAILS
        ? new Scenario(new Scenario.Failure(null, TaskStatus.PROCESSING), null, taskDuration)
        : new Scenario(null, null, taskDuration);
    server.admin().addScenario(new ScenarioRule(null, key, TASKS_PER_RULE, course));
    List<String> stubs = new ArrayList<>();
    Map<String, Duration> retryAfter = new LinkedHashMap<>();
    List<String> lost = new ArrayList<>();
    List<String> badRequest = new ArrayList<>();
    switch (scenario) {
      case RATE_LIMITED -> {
        Duration delay = ClientScenario.RATE_LIMIT_RETRY_AFTER;
        String id = stub(key, 1, answer(429, Map.of("Retry-After", Long.toString(delay.toSeconds())), null));
        stubs.add(id);
        retryAfter.put(id, delay);
      }
      case SERVER_ERROR -> stubs.add(stub(key, 1, answer(503, Map.of(), null)));
      case ALWAYS_FAILING -> stubs.add(stub(key, ALWAYS, answer(503, Map.of(), null)));
      case BAD_REQUEST -> {
        String id = stub(key, 1, answer(400, Map.of(), badRequestBody()));
        stubs.add(id);
        badRequest.add(id);
      }
      case LOST_ANSWER -> {
        ObjectNode stub = createStub(key, 1);
        stub.put("fault", "lost_answer");
        String id = register(stub);
        stubs.add(id);
        lost.add(id);
      }
      default -> {
        // happy, task-fails: the scenario rule alone
      }
    }
    return new Armed(stubs, retryAfter, lost, badRequest);
  }

  /** What the journal and the task store hold for the key after its run. */
  RunRecord collect(ClientScenario scenario, String key, Armed armed, Integer exitCode) {
    List<JournalEntry> entries = settledJournal(key).stream().map(entry -> withStubError(entry, armed)).toList();
    return new RunRecord(scenario, entries, armed.retryAfterByStub(), armed.lostAnswerStubs(), tasks(key), exitCode);
  }

  /** An entry answered by the bad-request stub, with the code and rule of the body the stub sent. */
  private static JournalEntry withStubError(JournalEntry entry, Armed armed) {
    if (entry.stub() == null || entry.errorCode() != null || !armed.badRequestStubs().contains(entry.stub())) {
      return entry;
    }
    return new JournalEntry(entry.seq(), entry.at(), entry.method(), entry.path(), entry.externalTaskId(),
        entry.body(), entry.status(), BAD_REQUEST_CODE, BAD_REQUEST_RULE, entry.taskId(), entry.stub(),
        entry.elapsedMillis(), entry.taskStatus());
  }

  @Override
  public void close() {
    server.close();
  }

  private List<TaskFacts> tasks(String key) {
    MockClock clock = server.clock();
    Instant wallNow = Instant.now();
    Instant mockNow = clock.instant();
    List<TaskFacts> tasks = new ArrayList<>();
    for (AdminTask admin : server.admin().tasks(TaskQuery.all().withKey(key).page(0, TaskQuery.MAX_LIMIT))) {
      Task task = admin.task();
      boolean finished = task.status() == TaskStatus.COMPLETED || task.status() == TaskStatus.FAILED;
      Instant finalAt = null;
      if (finished) {
        // the mock's clock runs timeScale times faster than the wall clock the journal's times are on
        long mockAgo = Duration.between(task.updatedAt(), mockNow).toNanos();
        finalAt = wallNow.minusNanos((long) (mockAgo / clock.timeScale()));
      }
      tasks.add(new TaskFacts(task.id(), task.externalTaskId(), finished ? task.status().wireName() : null, finalAt));
    }
    return tasks;
  }

  /**
   * The key's journal entries; read until two reads 50 ms apart agree (at most 1 s), so that the entry of a request
   * whose answer the program has just read is there.
   */
  private List<JournalEntry> settledJournal(String key) {
    List<JournalEntry> entries = journal(key);
    for (int i = 0; i < 20; i++) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      List<JournalEntry> again = journal(key);
      if (again.size() == entries.size()) {
        return again;
      }
      entries = again;
    }
    return entries;
  }

  private List<JournalEntry> journal(String key) {
    List<JournalEntry> entries = new ArrayList<>();
    long since = 0;
    while (true) {
      ObjectNode matcher = JSON.createObjectNode().put("key", key);
      if (since > 0) {
        matcher.put("since_seq", since);
      }
      JsonNode page = post("/__admin/requests/find", matcher, 200).path("requests");
      long before = since;
      for (JsonNode node : page) {
        JournalEntry entry = JournalEntry.fromJson(node);
        if (entry.seq() > since) {
          entries.add(entry);
          since = entry.seq();
        }
      }
      if (since == before) {
        return entries;
      }
    }
  }

  private String stub(String key, int times, ObjectNode answer) {
    ObjectNode stub = createStub(key, times);
    stub.set("answer", answer);
    return register(stub);
  }

  private static ObjectNode createStub(String key, int times) {
    ObjectNode stub = JSON.createObjectNode();
    stub.putObject("match").put("method", "POST").put("path", JournalEntry.CREATE_PATH).put("key", key);
    stub.put("times", times);
    return stub;
  }

  private static ObjectNode answer(int status, Map<String, String> headers, JsonNode body) {
    ObjectNode answer = JSON.createObjectNode().put("status", status);
    if (!headers.isEmpty()) {
      ObjectNode node = answer.putObject("headers");
      headers.forEach(node::put);
    }
    if (body != null) {
      answer.set("body", body);
    }
    return answer;
  }

  /** The {@code bad-request} scenario's 400: the project's code, a named parameter and the kit's own rule id. */
  private static JsonNode badRequestBody() {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("error")
        .put("code", BAD_REQUEST_CODE)
        .put("error_message", "prompt is refused: the client conformance kit's bad-request scenario refuses the first"
            + " create; a client must not send the same body again")
        .put("param", "prompt")
        .put("rule", BAD_REQUEST_RULE);
    return body;
  }

  private String register(ObjectNode stub) {
    return post("/__admin/stubs", stub, 201).path("id").asText();
  }

  private JsonNode post(String path, JsonNode body, int expected) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new ClientKitException("the mock answered " + response.statusCode() + " to POST " + path + ": "
            + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new ClientKitException("the mock's admin API failed on POST " + path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClientKitException("interrupted on POST " + path, e);
    }
  }
}
