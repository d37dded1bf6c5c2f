package io.kirincontract.mock.admin;

import io.kirincontract.mock.control.FaultSettings;
import io.kirincontract.mock.control.ScenarioRule;
import io.kirincontract.mock.journal.RecordedRequest;
import io.kirincontract.mock.journal.RequestPattern;
import io.kirincontract.mock.stubs.Stub;
import io.kirincontract.mock.stubs.StubRegistry;
import io.kirincontract.mock.tasks.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The mock's admin API in Java, one interface for both ways of reaching a mock: {@link MockAdmin} ({@code
 * server.admin()}) steers an embedded mock directly; {@link HttpAdminClient} steers a mock started as a process (or
 * anywhere on loopback) through {@code /__admin/...}. Both give the same answers: API keys appear as their key id
 * ({@code key_...}), callback URLs without credentials or query values, as the admin API shows them.
 *
 * <p>Refusals are the same exceptions either way: {@link io.kirincontract.mock.tasks.NoSuchTaskException} (404),
 * {@link io.kirincontract.mock.tasks.TaskStateException} (409 {@code task_state_conflict}), {@link
 * io.kirincontract.mock.control.ControlConflictException} (other 409s, such as {@code clock_not_manual}) and {@link
 * io.kirincontract.mock.control.InvalidControlException} (400), and {@link
 * io.kirincontract.mock.journal.VerificationError} from the {@code verify} methods.
 */
public interface KirinAdmin {

  // ---- tasks ({@code /__admin/tasks})

  /** The first 100 stored tasks, oldest first. */
  default List<AdminTask> tasks() {
    return tasks(TaskQuery.all());
  }

  /** The stored tasks matching {@code query}, oldest first. */
  List<AdminTask> tasks(TaskQuery query);

  /** A task of any key, or empty. */
  Optional<AdminTask> task(String taskId);

  /** Deletes a task (any key's); false when there is none. */
  boolean deleteTask(String taskId);

  /**
   * Makes a task fail at the end of {@code stage} ({@code QUEUED}, or {@code PROCESSING}, also when {@code null}).
   *
   * @param code one of the task's model's generation-failure codes, or {@code null} for its first one
   */
  AdminTask failTask(String taskId, String code, TaskStatus stage);

  /** Holds a task in {@code status} ({@code QUEUED} or {@code PROCESSING}) until {@link #releaseTask}. */
  AdminTask holdTask(String taskId, TaskStatus status);

  /** Ends a hold. */
  AdminTask releaseTask(String taskId);

  /** Makes a task take {@code total} from creation to the end. */
  AdminTask setTaskDuration(String taskId, Duration total);

  // ---- scenario rules ({@code /__admin/scenarios})

  /** Adds a rule for the next tasks matching a model and/or key; returns it with its id. */
  AdminScenario addScenario(ScenarioRule rule);

  /** The rules with uses left. */
  List<AdminScenario> scenarios();

  boolean removeScenario(long id);

  void clearScenarios();

  // ---- limits ({@code /__admin/limits})

  /** The limit of unfinished tasks per key; 0 for none. */
  int maxRunningTasks();

  /** Sets the limit of unfinished tasks per key (0 for none). */
  void maxRunningTasks(int limit);

  // ---- HTTP faults ({@code /__admin/faults})

  FaultSettings faults();

  /** Injects HTTP faults on API requests from now on. */
  void faults(FaultSettings settings);

  void clearFaults();

  // ---- clock ({@code /__admin/clock})

  /** The mock's time. */
  Instant now();

  /**
   * Advances a manual clock, firing every transition due on the way; returns the new time.
   *
   * @throws io.kirincontract.mock.control.ControlConflictException ({@code clock_not_manual}) on another clock
   */
  Instant advanceClock(Duration duration);

  // ---- callbacks ({@code /__admin/callbacks})

  /** The callback delivery attempts kept (the newest 1,000), oldest first; of one task when {@code taskId} is set. */
  List<CallbackDelivery> callbacks(String taskId);

  // ---- request journal ({@code /__admin/requests})

  /** Every request kept in the journal, oldest first. */
  default List<RecordedRequest> requests() {
    return requests(RequestPattern.anyRequest());
  }

  /** The requests that match, oldest first. */
  List<RecordedRequest> requests(RequestPattern pattern);

  int countRequests(RequestPattern pattern);

  /**
   * Checks that exactly {@code times} requests match.
   *
   * @throws io.kirincontract.mock.journal.VerificationError otherwise, listing the closest near misses
   */
  void verify(int times, RequestPattern pattern);

  /** Checks that exactly one request matches. */
  default void verify(RequestPattern pattern) {
    verify(1, pattern);
  }

  /** Checks that the mock refused no request of those in the journal. */
  void verifyNoRefusedRequests();

  /** Empties the journal. */
  void clearRequests();

  // ---- stubs ({@code /__admin/stubs})

  /** Arms a stub; returns its id ({@code stub_1}). */
  String stub(Stub stub);

  /** The stubs armed, with their uses left. */
  List<StubRegistry.Armed> stubs();

  boolean removeStub(String id);

  void clearStubs();

  // ---- reset ({@code POST /__admin/reset})

  /**
   * Back to a fresh mock: no tasks, rules, counts, pending callbacks, stubs or journal entries, the configured limit
   * and faults. The clock keeps its time.
   */
  void reset();
}
