package io.kirincontract.mock.tasks.internal;

import static io.kirincontract.mock.support.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.mock.support.MockServerExtension;
import io.kirincontract.mock.tasks.TaskMetadata;
import io.kirincontract.mock.tasks.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code --max-tasks}: beyond the cap the oldest finished task is evicted and answers 404 like one that never
 * existed; unfinished tasks are never evicted, and a store full of them refuses new tasks with 503.
 */
class EvictionTest {

  @RegisterExtension
  static final MockServerExtension MOCK =
      MockServerExtension.builder()
          .configure(config -> config.manualClock(Instant.parse("2026-11-22T10:00:00Z")).maxTasks(3))
          .build();

  private final KirinMockServer server = MOCK.server();
  private final MockApi api = new MockApi(server.baseUrl(), "k");
  private final TaskIds ids = new TaskIds();

  @Test
  void beyondTheCapTheOldestFinishedTaskIsEvictedAndAnswers404() {
    String a = create("a");
    String b = create("b");
    String c = create("c");
    finishAll();
    long evictedBefore = server.admin().evictedTasks();
    String d = create("d");
    assertThat(server.admin().taskCount()).isEqualTo(3);
    assertThat(server.admin().evictedTasks()).isEqualTo(evictedBefore + 1);
    api.get("/v1/videos/generations/" + a).assertError(404, "task_not_found", null, null);
    api.get("/v1/videos/generations/external/a").assertError(404, "task_not_found", null, null);
    assertThat(server.admin().task(a)).isEmpty();
    assertThat(api.task(b).path("status").asText()).isEqualTo("completed");
    assertThat(api.task(c).path("status").asText()).isEqualTo("completed");
    assertThat(api.task(d).path("status").asText()).isEqualTo("queued");
    assertThat(server.admin().tasks()).extracting(task -> task.task().id()).containsExactly(b, c, d);

    create("a");
    assertThat(server.admin().task(b)).as("the external id of an evicted task is free again; b goes next").isEmpty();
  }

  @Test
  void unfinishedTasksAreNeverEvicted() {
    String held = api.create(Bodies.v3t2v(), "hold=processing").assertQueued().path("id").asText();
    String b = create("b");
    String c = create("c");
    finishAll();
    create("d");
    assertThat(api.task(held).path("status").asText()).isEqualTo("processing");
    api.get("/v1/videos/generations/" + b).assertError(404, "task_not_found", null, null);
    create("e");
    api.get("/v1/videos/generations/" + c).assertError(404, "task_not_found", null, null);
    assertThat(api.task(held).path("status").asText()).isEqualTo("processing");
  }

  @Test
  void aStoreFullOfUnfinishedTasksRefusesNewOnesWith503UntilOneFinishes() {
    String first = api.create(Bodies.v3t2v(), "hold=queued").assertQueued().path("id").asText();
    api.create(Bodies.v3t2v(), "hold=queued").assertQueued();
    api.create(Bodies.v3t2v(), "hold=queued").assertQueued();
    MockApi.Reply refused = api.create(Bodies.v3t2v()).assertError(503, "service_unavailable", null, null);
    assertThat(refused.error().path("error_message").asText()).contains("maximum of 3 tasks");
    assertThat(server.admin().unfinishedTasks("k")).isEqualTo(3);

    server.admin().releaseTask(first);
    finishAll();
    api.create(Bodies.v3t2v()).assertQueued();
    api.get("/v1/videos/generations/" + first).assertError(404, "task_not_found", null, null);
  }

  @Test
  void theStoreUnitEvictsInCreationOrderSkippingUnfinishedAndDeletedTasks() {
    TaskStore store = new TaskStore(2);
    TaskRecord a = record("a", true);
    TaskRecord b = record("b", false);
    store.add(a);
    store.add(b);
    TaskRecord c = record("c", true);
    store.add(c);
    assertThat(store.find(a.id().toString())).isEmpty();
    assertThat(a.removed()).isTrue();
    assertThat(store.findByExternalId("k", "a")).isEmpty();
    store.remove(c.id().toString());
    TaskRecord d = record("d", true);
    store.add(d);
    assertThat(store.all()).containsExactlyInAnyOrder(b, d);
    assertThat(store.evicted()).isEqualTo(1);
  }

  @Test
  void aKeyThatDeletesThousandsOfTasksStillHasItsOthersEvictedInCreationOrder() {
    // Deletes leave entries in the key's line; once it holds 1,024 more than twice the key's tasks the store drops
    // them: a live task lost from the line could never be evicted, and the others must keep their order.
    TaskStore store = new TaskStore(10);
    List<TaskRecord> kept = new ArrayList<>(addFinished(store, 5));
    for (int i = 0; i < 5_000; i++) {
      TaskRecord deleted = finished();
      store.add(deleted);
      assertThat(store.remove(deleted.id().toString())).contains(deleted);
    }
    kept.addAll(addFinished(store, 5));
    for (TaskRecord oldest : kept) {
      store.add(pending());
      assertThat(oldest.removed()).as("evicted in creation order").isTrue();
      assertThat(kept.stream().filter(task -> !task.removed())).allMatch(task -> store.find(task.id().toString())
          .isPresent());
    }
    assertThat(store.evicted()).isEqualTo(10);
    assertThatThrownBy(() -> store.add(pending())).isInstanceOf(StoreFullException.class);
  }

  @Test
  void aLineWithoutAFinishedTaskIsRefusedWithoutBeingWalked() {
    TaskStore store = new TaskStore(10_000);
    List<TaskRecord> unfinished = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      TaskRecord task = pending();
      store.add(task);
      unfinished.add(task);
    }
    for (int i = 0; i < 100; i++) {
      assertThatThrownBy(() -> store.add(pending())).isInstanceOf(StoreFullException.class);
    }
    assertThat(store.walks()).as("a refusal costs no walk of the 10,000 unfinished tasks").isZero();

    // A task finishes (the lifecycle announces it through the store): the next add walks to it and evicts it.
    TaskRecord middle = unfinished.get(5_000);
    store.announced(middle, TaskStatus.COMPLETED);
    TaskRecord next = pending();
    store.add(next);
    assertThat(store.find(middle.id().toString())).isEmpty();
    assertThat(store.walks()).isEqualTo(1);
    assertThatThrownBy(() -> store.add(pending())).isInstanceOf(StoreFullException.class);
    assertThat(store.walks()).as("the one finished task is gone: no walk again").isEqualTo(1);
  }

  @Test
  void aDeletedFinishedTaskIsNoLongerCountedAsOneToEvict() {
    TaskStore store = new TaskStore(2);
    TaskRecord a = pending();
    TaskRecord b = pending();
    store.add(a);
    store.add(b);
    store.announced(a, TaskStatus.COMPLETED);
    store.remove(a.id().toString());
    store.add(pending());
    assertThatThrownBy(() -> store.add(pending())).isInstanceOf(StoreFullException.class);
    assertThat(store.walks()).as("a deleted task is not looked for").isZero();
    assertThat(store.evicted()).isZero();
  }

  @Test
  void anAnnouncementAfterADeleteCountsNothing() {
    TaskStore store = new TaskStore(1);
    TaskRecord a = pending();
    store.add(a);
    store.remove(a.id().toString());
    store.announced(a, TaskStatus.COMPLETED);
    TaskRecord b = pending();
    store.add(b);
    assertThatThrownBy(() -> store.add(pending())).isInstanceOf(StoreFullException.class);
    assertThat(store.walks()).isZero();
  }

  /** An unfinished task of key k, without an external id. */
  private TaskRecord pending() {
    return record(ids, Instant.parse("2026-11-22T10:00:00Z").toEpochMilli(), "k", null, false);
  }

  /** A finished task of key k, without an external id. */
  private TaskRecord finished() {
    return record(ids, Instant.parse("2026-11-22T10:00:00Z").toEpochMilli(), "k", null, true);
  }

  /** Adds {@code count} finished tasks of key k; returns them in creation order. */
  private List<TaskRecord> addFinished(TaskStore store, int count) {
    List<TaskRecord> added = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      TaskRecord task = finished();
      store.add(task);
      added.add(task);
    }
    return added;
  }

  private static TaskRecord record(String externalId, boolean finished) {
    return record(new TaskIds(), Instant.parse("2026-11-22T10:00:00Z").toEpochMilli(), "k", externalId, finished);
  }

  static TaskRecord record(TaskIds ids, long now, String tenant, String externalId, boolean finished) {
    TaskRecord record =
        new TaskRecord(ids.next(now), tenant, "kirin_v3_t2v", externalId, null,
            new TaskMetadata("720p", 1280, 720, 24, "16:9", 5, "std", "off", false, "text_to_video", null,
                java.util.List.of(), java.util.List.of()),
            false, TaskTimeline.of(now, 1, 1));
    if (finished) {
      record.announced(TaskStatus.COMPLETED);
    }
    return record;
  }

  private String create(String externalId) {
    return api.create(with(Bodies.v3t2v(), body -> body.put("external_task_id", externalId)))
        .assertQueued()
        .path("id")
        .asText();
  }

  private void finishAll() {
    server.manualClock().advance(Duration.ofMinutes(1));
  }
}
