package io.kirincontract.mock.lifecycle.internal;

import io.kirincontract.mock.callbacks.CallbackSettings;
import io.kirincontract.mock.callbacks.internal.CallbackStats;
import io.kirincontract.mock.callbacks.internal.DeliveryLog;
import io.kirincontract.mock.control.Scenario;
import io.kirincontract.mock.control.ScenarioHeader;
import io.kirincontract.mock.control.internal.ScenarioRules;
import io.kirincontract.mock.control.internal.TaskLimits;
import io.kirincontract.mock.control.internal.TooManyTasksException;
import io.kirincontract.mock.lifecycle.MockClock;
import io.kirincontract.mock.tasks.NoSuchTaskException;
import io.kirincontract.mock.tasks.Task;
import io.kirincontract.mock.tasks.TaskMetadata;
import io.kirincontract.mock.tasks.TaskStatus;
import io.kirincontract.mock.tasks.internal.Interner;
import io.kirincontract.mock.tasks.internal.ModelCodes;
import io.kirincontract.mock.tasks.internal.TaskId;
import io.kirincontract.mock.tasks.internal.TaskIds;
import io.kirincontract.mock.tasks.internal.TaskRecord;
import io.kirincontract.mock.tasks.internal.TaskRenderer;
import io.kirincontract.mock.tasks.internal.TaskStore;
import io.kirincontract.mock.tasks.internal.TaskTimeline;
import io.kirincontract.mock.tasks.internal.TenantQuotaFullException;
import io.kirincontract.mock.validation.internal.ValidatedRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs tasks from creation to the end on the {@link MockClock}: creates them (with the per-key limit and any
 * scenario), tells the status of a task at any moment (read from its timeline, so {@code GET} is exact even between
 * two scheduler ticks), and announces every status change once and in order: the per-key count of unfinished tasks
 * goes down when a task finishes, and a callback carrying the Task as it is in the new status goes to the task's
 * {@code callback_url} through the {@link CallbackOutbox} (enqueued only; the HTTP work happens on the dispatcher's
 * threads).
 */
public final class Lifecycle implements AutoCloseable {

  private final MockClock clock;
  private final TaskStore store;
  private final TaskLimits limits;
  private final ScenarioRules rules;
  private final ModelCodes codes;
  private final TaskViews views;
  private final TaskRenderer renderer = new TaskRenderer();
  private final CallbackOutbox callbacks;
  private final MetadataResolver resolver;
  private final TaskIds ids = new TaskIds();
  private final Interner<String> strings = new Interner<>(100_000);
  private final Interner<TaskMetadata> metadata = new Interner<>(10_000);
  private final TransitionScheduler scheduler;
  private final Object creation = new Object();

  public Lifecycle(
      MockClock clock,
      TaskStore store,
      TaskLimits limits,
      ScenarioRules rules,
      ModelCodes codes,
      TaskViews views,
      MetadataResolver resolver,
      CallbackSettings callbackSettings) {
    this.clock = clock;
    this.store = store;
    this.limits = limits;
    this.rules = rules;
    this.codes = codes;
    this.views = views;
    this.resolver = resolver;
    this.callbacks = new CallbackOutbox(callbackSettings);
    this.scheduler = new TransitionScheduler(clock, this::announce);
  }

  /** Starts the transitions (a real-time thread, or the manual clock's advances). */
  public void start() {
    scheduler.start();
  }

  /**
   * Creates a task for a valid request, {@code queued}, and returns it as it is now.
   *
   * @param header the scenario of the request's {@code X-Kirin-Mock-Scenario} header, or {@code null}; when
   *     given, admin rules are not consulted
   * @throws io.kirincontract.mock.control.InvalidControlException when the header's failure code is not the model's
   * @throws TooManyTasksException when the key is at its limit of unfinished tasks
   * @throws io.kirincontract.mock.tasks.internal.ExternalTaskIdConflictException when the key already used the
   *     external id
   * @throws TooManyTasksException also when the key's quota of stored tasks is full of unfinished ones
   * @throws io.kirincontract.mock.tasks.internal.StoreFullException when the store is full and nothing can be evicted
   *     for this key
   */
  public Task submit(String tenant, ValidatedRequest request, Scenario header) {
    String model = strings.intern(request.model());
    Scenario fromHeader = header == null ? null : header.forModel(model, codes, ScenarioHeader.NAME);
    TaskMetadata resolved = metadata.intern(resolver.resolve(request));
    String externalId = request.view().text("external_task_id").orElse(null);
    String callbackUrl = strings.intern(request.view().text("callback_url").filter(url -> !url.isEmpty()).orElse(null));
    boolean watermarked = request.body().path("watermark_info").path("enabled").asBoolean(false);
    String key = strings.intern(tenant);
    if (!limits.tryAcquire(key)) {
      throw tooManyTasks(key, model, resolved);
    }
    TaskRecord task;
    try {
      if (fromHeader != null || rules.isEmpty()) {
        Scenario scenario = fromHeader != null ? fromHeader : Scenario.NONE;
        task = newTask(key, model, externalId, callbackUrl, resolved, watermarked, scenario);
      } else {
        // A rule is used by the task it was matched for, and only once the task is stored: match, store and use
        // happen together.
        synchronized (creation) {
          Optional<ScenarioRules.Active> rule = rules.match(model, key);
          Scenario scenario =
              rule.map(active -> active.rule().scenario().forModel(model, codes, "fail")).orElse(Scenario.NONE);
          task = newTask(key, model, externalId, callbackUrl, resolved, watermarked, scenario);
          rule.ifPresent(rules::use);
        }
      }
    } catch (TenantQuotaFullException e) {
      limits.release(key);
      throw quotaFull(model, resolved, e);
    } catch (RuntimeException e) {
      limits.release(key);
      throw e;
    }
    long now = task.createdAt();
    scheduler.schedule(nextAnnouncement(task, task.timeline(), now), task);
    return views.at(task, now);
  }

  /** Makes and stores a task created now (by the id's time, which never goes back). */
  private TaskRecord newTask(
      String key, String model, String externalId, String callbackUrl, TaskMetadata resolved, boolean watermarked,
      Scenario scenario) {
    TaskId id = ids.next(clock.millis());
    TaskRecord task =
        new TaskRecord(id, key, model, externalId, callbackUrl, resolved, watermarked,
            timeline(id.millis(), resolved, scenario));
    store.add(task);
    return task;
  }

  /** The tenant's task as it is now. */
  public Optional<Task> find(String tenant, String taskId) {
    return store.find(tenant, taskId).map(this::now);
  }

  public Optional<Task> findByExternalId(String tenant, String externalTaskId) {
    return store.findByExternalId(tenant, externalTaskId).map(this::now);
  }

  /** A stored task as it is now. */
  public Task now(TaskRecord task) {
    return views.at(task, clock.millis());
  }

  /**
   * Changes a task's timeline with {@code change(timeline, now)}, announces what that made happen at once (a
   * release, for example) and returns the task as it is then.
   *
   * @throws NoSuchTaskException when the task was removed meanwhile
   * @throws io.kirincontract.mock.tasks.TaskStateException when the change does not fit the task's status
   */
  public Task change(TaskRecord task, TimelineChange change) {
    synchronized (task) {
      if (task.removed()) {
        throw new NoSuchTaskException(task.id().toString());
      }
      long now = clock.millis();
      announce(task, now);
      task.timeline(change.apply(task.timeline(), now));
      announce(task, now);
      return views.at(task, now);
    }
  }

  /** A change of a task's timeline at a moment. */
  @FunctionalInterface
  public interface TimelineChange {
    TaskTimeline apply(TaskTimeline timeline, long now);
  }

  /** Deletes a task: it is gone (404), and no longer counts against its key's limit. */
  public Optional<Task> delete(String taskId) {
    return store.remove(taskId)
        .map(
            task -> {
              synchronized (task) {
                Task last = views.at(task, clock.millis());
                if (!task.finished()) {
                  limits.release(task.tenant());
                }
                return last;
              }
            });
  }

  /** Forgets every task, pending transition, count, rule and callback (the delivery log too). */
  public void reset() {
    synchronized (creation) {
      store.clear();
      scheduler.clear();
      limits.clear();
      rules.clear();
      callbacks.reset();
      strings.clear();
      metadata.clear();
      ids.reset();
    }
  }

  public MockClock clock() {
    return clock;
  }

  public TaskStore store() {
    return store;
  }

  public DeliveryLog deliveryLog() {
    return callbacks.log();
  }

  public CallbackStats callbackStats() {
    return callbacks.stats();
  }

  /** Waits until every callback handed over so far is delivered or given up; false on timeout. */
  public boolean awaitCallbacks(Duration timeout) {
    return callbacks.awaitIdle(timeout);
  }

  /** Transitions waiting in the scheduler (for tests and the admin API). */
  public int pendingTransitions() {
    return scheduler.size();
  }

  @Override
  public void close() {
    scheduler.close();
    callbacks.close();
  }

  /** Announces whatever changed in {@code task} up to now (the scheduler calls this when a change falls due). */
  void announce(TaskRecord task) {
    synchronized (task) {
      announce(task, clock.millis());
    }
  }

  private void announce(TaskRecord task, long now) {
    if (task.removed()) {
      return;
    }
    TaskTimeline timeline = task.timeline();
    TaskStatus current = timeline.statusAt(now);
    TaskStatus last = task.announced();
    if (current != last) {
      TaskStatus[] path = timeline.path();
      for (int i = indexOf(path, last) + 1; i <= indexOf(path, current); i++) {
        emit(task, timeline, path[i]);
      }
      store.announced(task, current);
      if (current.isFinal()) {
        limits.release(task.tenant());
      }
    }
    if (!current.isFinal()) {
      scheduler.schedule(nextAnnouncement(task, timeline, now), task);
    }
  }

  /**
   * When the task next has a status change to announce. Without a callback URL only the last one has any effect (it
   * frees the key's slot and makes the task evictable): one scheduler entry per task instead of one per status.
   */
  private static long nextAnnouncement(TaskRecord task, TaskTimeline timeline, long now) {
    return task.callbackUrl() == null ? timeline.endsAt() : timeline.nextChangeAfter(now);
  }

  /** When the scheduler next looks at a task (mock time), or {@link Long#MAX_VALUE} when nothing waits. */
  public long nextTransitionDue() {
    return scheduler.nextDue();
  }

  private void emit(TaskRecord task, TaskTimeline timeline, TaskStatus status) {
    if (task.callbackUrl() == null) {
      return;
    }
    byte[] body = renderer.bytes(views.in(task, timeline, status));
    callbacks.send(task.tenant(), task.id().toString(), status.wireName(), task.callbackUrl(), body);
  }

  private TaskTimeline timeline(long now, TaskMetadata resolved, Scenario scenario) {
    TaskTimeline timeline =
        scenario.duration() != null ? Timings.plan(now, scenario.duration()) : Timings.plan(now, resolved);
    if (scenario.fail() != null) {
      timeline = timeline.failingAt(scenario.fail().stage(), scenario.fail().code(), now);
    }
    if (scenario.hold() != null) {
      timeline = timeline.heldIn(scenario.hold(), now);
    }
    return timeline;
  }

  private TooManyTasksException tooManyTasks(String key, String model, TaskMetadata resolved) {
    int limit = limits.maxRunning();
    return new TooManyTasksException(
        codes.tooManyTasks(model),
        "Task resource insufficient; this key has "
            + limits.unfinished(key)
            + " unfinished tasks, the limit is "
            + limit
            + "; retry when one has finished",
        clock.realSecondsFor(Timings.total(resolved).toMillis()));
  }

  /** The key's quota of stored tasks is full of unfinished ones: {@code 429} with the model's code, as above. */
  private TooManyTasksException quotaFull(String model, TaskMetadata resolved, TenantQuotaFullException e) {
    return new TooManyTasksException(
        codes.tooManyTasks(model),
        "Task resource insufficient; " + e.getMessage(),
        clock.realSecondsFor(Timings.total(resolved).toMillis()));
  }

  private static int indexOf(TaskStatus[] path, TaskStatus status) {
    for (int i = 0; i < path.length; i++) {
      if (path[i] == status) {
        return i;
      }
    }
    throw new IllegalStateException(status + " is not on the path " + java.util.Arrays.toString(path));
  }
}
