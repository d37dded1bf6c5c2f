package io.kirincontract.mock.admin;

import io.kirincontract.mock.admin.internal.Redaction;
import io.kirincontract.mock.callbacks.internal.CallbackStats;
import io.kirincontract.mock.callbacks.internal.DeliveryAttempt;
import io.kirincontract.mock.control.ControlConflictException;
import io.kirincontract.mock.control.FaultSettings;
import io.kirincontract.mock.control.InvalidControlException;
import io.kirincontract.mock.control.ScenarioRule;
import io.kirincontract.mock.control.internal.FaultInjector;
import io.kirincontract.mock.control.internal.ScenarioRules;
import io.kirincontract.mock.control.internal.TaskLimits;
import io.kirincontract.mock.journal.RecordedRequest;
import io.kirincontract.mock.journal.RequestJournal;
import io.kirincontract.mock.journal.RequestPattern;
import io.kirincontract.mock.journal.internal.Verification;
import io.kirincontract.mock.lifecycle.ManualClock;
import io.kirincontract.mock.lifecycle.MockClock;
import io.kirincontract.mock.lifecycle.internal.Lifecycle;
import io.kirincontract.mock.stubs.Stub;
import io.kirincontract.mock.stubs.StubRegistry;
import io.kirincontract.mock.tasks.NoSuchTaskException;
import io.kirincontract.mock.tasks.Task;
import io.kirincontract.mock.tasks.TaskStatus;
import io.kirincontract.mock.tasks.internal.ModelCodes;
import io.kirincontract.mock.tasks.internal.TaskRecord;
import io.kirincontract.mock.tasks.internal.TaskStore;
import io.kirincontract.mock.tasks.internal.TaskTimeline;
import io.kirincontract.mock.util.internal.KeyId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Steering the mock from a test: {@code server.admin()}. Every operation of {@link KirinAdmin} here is also an HTTP
 * endpoint under {@code /__admin/} (see {@code docs/mock-lifecycle.md}); both go through this class, and {@link
 * HttpAdminClient} gives the same answers from another process. Tasks are addressed by id whatever key created them.
 * The rest (the clock, the journal, {@link #takeRequest}, the raw delivery log) is for an embedded mock only.
 */
public final class MockAdmin implements KirinAdmin {

  private final Lifecycle lifecycle;
  private final TaskStore store;
  private final ScenarioRules rules;
  private final TaskLimits limits;
  private final FaultInjector faults;
  private final ModelCodes codes;
  private final RequestJournal journal;
  private final StubRegistry stubs;

  public MockAdmin(
      Lifecycle lifecycle, ScenarioRules rules, TaskLimits limits, FaultInjector faults, ModelCodes codes) {
    this(lifecycle, rules, limits, faults, codes, new RequestJournal(true, RequestJournal.DEFAULT_SIZE), new StubRegistry());
  }

  public MockAdmin(
      Lifecycle lifecycle,
      ScenarioRules rules,
      TaskLimits limits,
      FaultInjector faults,
      ModelCodes codes,
      RequestJournal journal,
      StubRegistry stubs) {
    this.lifecycle = lifecycle;
    this.store = lifecycle.store();
    this.rules = rules;
    this.limits = limits;
    this.faults = faults;
    this.codes = codes;
    this.journal = journal;
    this.stubs = stubs;
  }

  // ---- tasks

  @Override
  public List<AdminTask> tasks(TaskQuery query) {
    long now = lifecycle.clock().millis();
    return store.all().stream()
        .filter(task -> query.key() == null || task.tenant().equals(query.key()))
        .filter(task -> query.model() == null || task.model().equals(query.model()))
        .filter(task -> query.status() == null || task.statusAt(now) == query.status())
        .sorted(Comparator.comparingLong(TaskRecord::createdAt).thenComparing(task -> task.id().toString()))
        .skip(query.offset())
        .limit(query.limit())
        .map(this::view)
        .toList();
  }

  /** Number of stored tasks. */
  public int taskCount() {
    return store.size();
  }

  /** The cap on stored tasks ({@code --max-tasks}). */
  public int maxTasks() {
    return store.maxTasks();
  }

  /** Tasks evicted beyond the cap since start. */
  public long evictedTasks() {
    return store.evicted();
  }

  @Override
  public Optional<AdminTask> task(String taskId) {
    return store.find(taskId).map(this::view);
  }

  /** Deletes a task (any key's): it answers 404 afterwards and no longer counts against its key's limit. */
  @Override
  public boolean deleteTask(String taskId) {
    return lifecycle.delete(taskId).isPresent();
  }

  /**
   * Makes a task fail at the end of {@code stage} ({@code QUEUED}: instead of starting to process; {@code
   * PROCESSING}: instead of completing).
   *
   * @param code one of the task's model's generation-failure codes, or {@code null} for its first one
   */
  @Override
  public AdminTask failTask(String taskId, String code, TaskStatus stage) {
    TaskRecord task = find(taskId);
    String chosen = code == null ? codes.defaultFailure(task.model()) : code;
    if (!codes.isGenerationCode(task.model(), chosen)) {
      throw new InvalidControlException(
          chosen + " is not a generation-failure code of " + task.model() + "; use one of "
              + String.join(", ", codes.generationCodes(task.model())),
          "code");
    }
    String canonical = codes.canonical(chosen);
    TaskStatus at = stage == null ? TaskStatus.PROCESSING : stage;
    return change(task, (timeline, now) -> timeline.failingAt(at, canonical, now));
  }

  /** Holds a task in {@code status} ({@code QUEUED} or {@code PROCESSING}) until {@link #releaseTask}. */
  @Override
  public AdminTask holdTask(String taskId, TaskStatus status) {
    return change(find(taskId), (timeline, now) -> timeline.heldIn(status, now));
  }

  /** Ends a hold: the held status ends now (queued: processing starts; processing: the task finishes). */
  @Override
  public AdminTask releaseTask(String taskId) {
    return change(find(taskId), (timeline, now) -> timeline.releasedAt(now));
  }

  /**
   * Makes a task take {@code total} from creation to the end (a fifth queued); what already happened stays, times
   * now in the past happen at once.
   */
  @Override
  public AdminTask setTaskDuration(String taskId, Duration total) {
    if (total == null || total.isNegative() || total.isZero() || total.compareTo(Duration.ofDays(1)) > 0) {
      throw new InvalidControlException("duration must be more than 0 and at most PT24H, not " + total, "duration");
    }
    return change(find(taskId), (timeline, now) -> timeline.taking(total.toMillis(), now));
  }

  // ---- scenario rules

  /** Adds a rule for the next tasks matching a model and/or key; returns it with its id. */
  @Override
  public AdminScenario addScenario(ScenarioRule rule) {
    return view(rules.add(rule));
  }

  @Override
  public List<AdminScenario> scenarios() {
    return rules.list().stream().map(MockAdmin::view).toList();
  }

  @Override
  public boolean removeScenario(long id) {
    return rules.remove(id);
  }

  @Override
  public void clearScenarios() {
    rules.clear();
  }

  // ---- limits

  /** The limit of unfinished tasks per key; 0 for none. */
  @Override
  public int maxRunningTasks() {
    return limits.maxRunning();
  }

  /** Sets the limit of unfinished tasks per key (0 for none); creations over it get 429. */
  @Override
  public void maxRunningTasks(int limit) {
    limits.maxRunning(limit);
  }

  /** How many unfinished tasks a key has. */
  public int unfinishedTasks(String key) {
    return limits.unfinished(key);
  }

  // ---- HTTP faults

  @Override
  public FaultSettings faults() {
    return faults.settings();
  }

  /** Injects HTTP faults on API requests from now on (numbering restarts, so a seed replays the same faults). */
  @Override
  public void faults(FaultSettings settings) {
    faults.set(Objects.requireNonNull(settings, "settings"));
  }

  @Override
  public void clearFaults() {
    faults.set(FaultSettings.NONE);
  }

  // ---- clock

  public MockClock clock() {
    return lifecycle.clock();
  }

  @Override
  public Instant now() {
    return lifecycle.clock().instant();
  }

  /**
   * Advances the manual clock, firing every transition due on the way; returns the new time.
   *
   * @throws ControlConflictException when the server does not run on a manual clock
   */
  @Override
  public Instant advanceClock(Duration duration) {
    if (!(lifecycle.clock() instanceof ManualClock manual)) {
      throw new ControlConflictException(
          "clock_not_manual",
          "the clock is not manual (" + lifecycle.clock() + "); start the mock with --clock manual to advance it");
    }
    if (duration == null || duration.isNegative()) {
      throw new InvalidControlException("advance by a duration of zero or more, not " + duration, "duration");
    }
    try {
      manual.advance(duration);
    } catch (IllegalArgumentException e) {
      throw new InvalidControlException(e.getMessage(), "duration");
    }
    return manual.instant();
  }

  /** Status changes waiting in the scheduler (a task may have more than one entry). */
  public int pendingTransitions() {
    return lifecycle.pendingTransitions();
  }

  // ---- callbacks

  /** Every callback delivery attempt kept (bounded), oldest first. */
  public List<DeliveryAttempt> deliveries() {
    return lifecycle.deliveryLog().all();
  }

  public List<DeliveryAttempt> deliveries(String taskId) {
    return lifecycle.deliveryLog().forTask(taskId);
  }

  @Override
  public List<CallbackDelivery> callbacks(String taskId) {
    return (taskId == null ? deliveries() : deliveries(taskId)).stream().map(MockAdmin::view).toList();
  }

  public CallbackStats callbackStats() {
    return lifecycle.callbackStats();
  }

  /** Waits until every callback so far is delivered or given up; false on timeout. */
  public boolean awaitCallbacks(Duration timeout) {
    return lifecycle.awaitCallbacks(timeout);
  }

  // ---- request journal and verification

  /** The journal of API requests ({@code GET /__admin/requests}). */
  public RequestJournal journal() {
    return journal;
  }

  @Override
  public List<RecordedRequest> requests() {
    return journal.all();
  }

  /** The requests that match, oldest first. */
  @Override
  public List<RecordedRequest> requests(RequestPattern pattern) {
    return journal.find(pattern.toMatcher());
  }

  @Override
  public int countRequests(RequestPattern pattern) {
    return journal.count(pattern.toMatcher());
  }

  /**
   * Checks that exactly {@code times} requests match.
   *
   * @throws io.kirincontract.mock.journal.VerificationError (an {@link AssertionError}) otherwise, listing the three
   *     closest near misses and what each missed
   */
  @Override
  public void verify(int times, RequestPattern pattern) {
    Verification.times(journal, times, pattern.toMatcher());
  }

  /**
   * Checks that the mock refused no request (no 4xx, 5xx or lost connection) of those in the journal.
   *
   * @throws io.kirincontract.mock.journal.VerificationError listing them otherwise
   */
  @Override
  public void verifyNoRefusedRequests() {
    Verification.noRefusedRequests(journal);
  }

  /**
   * The next request in arrival order not taken yet, waiting up to {@code timeout} for it to be answered; empty on
   * timeout. The first call takes the first request after the start or the last reset.
   */
  public Optional<RecordedRequest> takeRequest(Duration timeout) throws InterruptedException {
    return journal.take(timeout);
  }

  /** Empties the journal. */
  @Override
  public void clearRequests() {
    journal.clear();
  }

  // ---- stubs

  /** Arms a stub; returns its id ({@code stub_1}). */
  @Override
  public String stub(Stub stub) {
    return stubs.add(stub).id();
  }

  /** The stubs armed, with their uses left. */
  @Override
  public List<StubRegistry.Armed> stubs() {
    return stubs.list();
  }

  @Override
  public boolean removeStub(String id) {
    return stubs.remove(id);
  }

  @Override
  public void clearStubs() {
    stubs.clear();
  }

  // ---- reset

  /**
   * Back to a fresh server: no tasks, rules, counts or pending callbacks, an empty delivery log, the configured limit
   * and faults, no stubs, an empty request journal. The clock keeps its time.
   */
  @Override
  public void reset() {
    lifecycle.reset();
    faults.reset();
    stubs.clear();
    journal.clear();
  }

  private TaskRecord find(String taskId) {
    return store.find(taskId).orElseThrow(() -> new NoSuchTaskException(taskId));
  }

  private AdminTask change(TaskRecord task, Lifecycle.TimelineChange change) {
    lifecycle.change(task, change);
    return view(task);
  }

  private AdminTask view(TaskRecord record) {
    synchronized (record) {
      long now = lifecycle.clock().millis();
      Task task = lifecycle.now(record);
      TaskTimeline timeline = record.timeline();
      long next = timeline.nextChangeAfter(now);
      return new AdminTask(
          new Task(task.id(), null, task.model(), task.status(), task.externalTaskId(), task.createdAt(),
              task.updatedAt(), task.metadata(), task.output(), task.error()),
          KeyId.of(record.tenant()),
          Redaction.url(record.callbackUrl()),
          timeline.hold(),
          next == TaskTimeline.NEVER ? null : Instant.ofEpochMilli(next));
    }
  }

  private static AdminScenario view(ScenarioRules.Active active) {
    ScenarioRule rule = active.rule();
    return new AdminScenario(
        active.id(), rule.model(), KeyId.of(rule.key()), rule.count(), active.remaining(), rule.scenario(),
        active.models());
  }

  private static CallbackDelivery view(DeliveryAttempt attempt) {
    return new CallbackDelivery(
        KeyId.of(attempt.tenant()),
        attempt.taskId(),
        attempt.status(),
        Redaction.url(attempt.url().toString()),
        attempt.attempt(),
        attempt.startedAt(),
        attempt.httpStatus(),
        attempt.error(),
        attempt.durationMillis(),
        attempt.outcome().name().toLowerCase(Locale.ROOT),
        attempt.retryInMillis());
  }
}
