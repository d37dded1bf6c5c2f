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
import io.kirincontract.mock.admin.KirinAdmin;
import io.kirincontract.mock.admin.TaskQuery;
import io.kirincontract.mock.control.Scenario;
import io.kirincontract.mock.control.ScenarioRule;
import io.kirincontract.mock.journal.internal.JournalJson;
import io.kirincontract.mock.journal.RecordedRequest;
import io.kirincontract.mock.journal.RequestPattern;
import io.kirincontract.mock.lifecycle.MockClock;
import io.kirincontract.mock.stubs.Stub;
import io.kirincontract.mock.stubs.StubAnswer;
import io.kirincontract.mock.stubs.StubFault;
import io.kirincontract.mock.tasks.Task;
import io.kirincontract.mock.tasks.TaskStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mock the kit grades against: started in-process on {@code 127.0.0.1}, port 0, its clock sped up. Each scenario
 * is armed for its own key through its {@link KirinAdmin} with the journal's stubs (DESIGN §6) and a scenario rule for
 * the key's tasks (how long they take, whether they fail); after the run, the key's journal entries and tasks make the
 * {@link RunRecord}.
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
  private final KirinAdmin admin;
  private final String baseUrl;
  private final Duration taskDuration;

  private KitMock(KirinMockServer server, Duration taskDuration) {
    this.server = server;
    this.admin = server.admin();
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
    admin.addScenario(new ScenarioRule(null, key, TASKS_PER_RULE, course));
    List<String> stubs = new ArrayList<>();
    Map<String, Duration> retryAfter = new LinkedHashMap<>();
    List<String> lost = new ArrayList<>();
    List<String> badRequest = new ArrayList<>();
    switch (scenario) {
      case RATE_LIMITED -> {
        Duration delay = ClientScenario.RATE_LIMIT_RETRY_AFTER;
        String id = stub(key, 1, StubAnswer.status(429).withHeader("Retry-After", Long.toString(delay.toSeconds())));
        stubs.add(id);
        retryAfter.put(id, delay);
      }
      case SERVER_ERROR -> stubs.add(stub(key, 1, StubAnswer.status(503)));
      case ALWAYS_FAILING -> stubs.add(stub(key, ALWAYS, StubAnswer.status(503)));
      case BAD_REQUEST -> {
        String id = stub(key, 1, new StubAnswer(400, Map.of(), badRequestBody()));
        stubs.add(id);
        badRequest.add(id);
      }
      case LOST_ANSWER -> {
        String id = admin.stub(Stub.fault(createsOf(key), 1, StubFault.LOST_ANSWER));
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
    for (AdminTask stored : admin.tasks(TaskQuery.all().withKey(key).page(0, TaskQuery.MAX_LIMIT))) {
      Task task = stored.task();
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
    for (RecordedRequest entry : admin.requests(RequestPattern.anyRequest().key(key))) {
      try {
        entries.add(JournalEntry.fromJson(JSON.readTree(JournalJson.entry(entry).toString())));
      } catch (IOException e) {
        throw new ClientKitException("a journal entry of the mock is not JSON: " + e.getMessage(), e);
      }
    }
    return entries;
  }

  private String stub(String key, int times, StubAnswer answer) {
    return admin.stub(Stub.answer(createsOf(key), times, answer));
  }

  private static RequestPattern createsOf(String key) {
    return RequestPattern.creates().key(key);
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
}
