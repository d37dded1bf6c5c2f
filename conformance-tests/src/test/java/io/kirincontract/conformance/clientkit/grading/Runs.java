package io.kirincontract.conformance.clientkit.grading;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.conformance.clientkit.ClientScenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Hand-made runs for the graders: journal entries at given seconds after a fixed start, tasks, the ending. */
final class Runs {

  static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
  static final String CREATE = JournalEntry.CREATE_PATH;

  private final List<JournalEntry> entries = new ArrayList<>();
  private final Map<String, Duration> retryAfter = new HashMap<>();
  private final List<String> lostAnswerStubs = new ArrayList<>();
  private final List<TaskFacts> tasks = new ArrayList<>();
  private Integer exitCode = 0;

  static Runs run() {
    return new Runs();
  }

  static Instant at(double seconds) {
    return T0.plusNanos((long) (seconds * 1e9));
  }

  Runs create(double seconds, int status) {
    entries.add(JournalEntry.of(entries.size() + 1, at(seconds), "POST", CREATE, status)
        .withBody(JournalEntry.body("model", "kirin_v2_master_t2v", "prompt", "A paper boat")));
    return this;
  }

  Runs poll(double seconds, String taskId) {
    entries.add(JournalEntry.of(entries.size() + 1, at(seconds), "GET", CREATE + "/" + taskId, 200)
        .withTask(taskId, null));
    return this;
  }

  Runs pollByExternalId(double seconds, String externalTaskId) {
    entries.add(JournalEntry.of(entries.size() + 1, at(seconds), "GET", CREATE + "/external/" + externalTaskId, 200));
    return this;
  }

  /** The last entry's body. */
  Runs body(JsonNode body) {
    replaceLast(last().withBody(body));
    return this;
  }

  /** The last entry was refused under this rule id. */
  Runs rule(String rule) {
    JournalEntry last = last();
    replaceLast(new JournalEntry(last.seq(), last.at(), last.method(), last.path(), last.externalTaskId(),
        last.body(), last.status(), last.errorCode(), rule, last.taskId(), last.stub(), last.elapsedMillis(),
        last.taskStatus()));
    return this;
  }

  /** The last entry made or read this task. */
  Runs task(String taskId) {
    replaceLast(last().withTask(taskId, last().taskStatus()));
    return this;
  }

  /** The last entry's answer carried this task status. */
  Runs served(String taskStatus) {
    replaceLast(last().withTask(last().taskId(), taskStatus));
    return this;
  }

  /** The last entry was answered by a stub sending Retry-After. */
  Runs stubWithRetryAfter(String stub, Duration delay) {
    retryAfter.put(stub, delay);
    replaceLast(last().withStub(stub));
    return this;
  }

  /** The last entry's answer was lost by a stub (the task made). */
  Runs lostAnswer(String stub) {
    lostAnswerStubs.add(stub);
    replaceLast(last().withStub(stub));
    return this;
  }

  Runs finishedTask(String taskId, String externalTaskId, String status, double seconds) {
    tasks.add(new TaskFacts(taskId, externalTaskId, status, at(seconds)));
    return this;
  }

  Runs unfinishedTask(String taskId) {
    tasks.add(new TaskFacts(taskId, null, null, null));
    return this;
  }

  Runs exit(int code) {
    exitCode = code;
    return this;
  }

  Runs timedOut() {
    exitCode = null;
    return this;
  }

  RunRecord of(ClientScenario scenario) {
    return new RunRecord(scenario, entries, retryAfter, lostAnswerStubs, tasks, exitCode);
  }

  private JournalEntry last() {
    return entries.get(entries.size() - 1);
  }

  private void replaceLast(JournalEntry entry) {
    entries.set(entries.size() - 1, entry);
  }
}
