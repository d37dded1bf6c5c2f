package io.kirincontract.mock.tasks.internal;

import static io.kirincontract.mock.support.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.admin.TaskQuery;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.mock.support.MockServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code --max-tasks-per-key}: each key keeps at most its quota of tasks and makes room by evicting its own oldest
 * finished tasks; a key under its quota never loses a task to another key, and one key's unfinished tasks make only
 * that key wait ({@code 429}), never another ({@code 503}). A poll of an evicted task says it was evicted.
 */
class TenantQuotaTest {

  @RegisterExtension
  static final MockServerExtension MOCK =
      MockServerExtension.builder()
          .configure(config -> config.manualClock(Instant.parse("2026-11-22T10:00:00Z")).maxTasks(5).maxTasksPerKey(3))
          .build();

  private final KirinMockServer server = MOCK.server();
  private final MockApi alice = new MockApi(server.baseUrl(), "alice");
  private final MockApi bob = new MockApi(server.baseUrl(), "bob");
  private final MockApi carol = new MockApi(server.baseUrl(), "carol");

  @Test
  void anotherKeysCreatesNeverEvictTheTasksOfAKeyUnderItsQuota() {
    List<String> kept = List.of(create(alice, "a1"), create(alice, "a2"));
    finishAll();
    List<String> bobs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      bobs.add(create(bob, "b" + i));
      finishAll();
    }
    for (String id : kept) {
      assertThat(alice.task(id).path("status").asText()).isEqualTo("completed");
    }
    assertThat(server.admin().taskCount()).isEqualTo(5);
    assertThat(tasksOf(server, "bob")).isEqualTo(3);
    assertThat(bob.task(bobs.get(19)).path("status").asText()).isEqualTo("completed");
  }

  @Test
  void aKeyAtItsQuotaEvictsItsOwnOldestFinishedTask() {
    String first = create(alice, "a1");
    String second = create(alice, "a2");
    create(alice, "a3");
    finishAll();
    create(alice, "a4");
    alice.get("/v1/videos/generations/" + first).assertError(404, "task_not_found", null, null);
    assertThat(alice.task(second).path("status").asText()).isEqualTo("completed");
    assertThat(tasksOf(server, "alice")).isEqualTo(3);
  }

  @Test
  void aKeyWhoseQuotaIsFullOfUnfinishedTasksGets429WhileOtherKeysCreate() {
    for (int i = 0; i < 3; i++) {
      alice.create(Bodies.v3t2v(), "hold=processing").assertQueued();
    }
    MockApi.Reply refused = alice.create(Bodies.v3t2v()).assertError(429, "006001094", null, null);
    assertThat(refused.error().path("error_message").asText()).contains("quota of 3 stored tasks");
    alice.create(Bodies.o1()).assertError(429, "task_resource_insufficient", null, null);
    bob.create(Bodies.v3t2v()).assertQueued();
    bob.create(Bodies.v3t2v()).assertQueued();
  }

  @Test
  void aFullStoreTakesTheAddingKeysOwnFinishedTaskFirstThenOneOfAKeyAtItsFullQuota() {
    List<String> alices = List.of(create(alice, "a1"), create(alice, "a2"), create(alice, "a3"));
    String bobsFirst = create(bob, "b1");
    create(bob, "b2");
    finishAll();
    create(bob, "b3"); // the store is full: bob's own oldest goes, alice keeps hers
    bob.get("/v1/videos/generations/" + bobsFirst).assertError(404, "task_not_found", null, null);
    alices.forEach(id -> assertThat(alice.task(id).path("status").asText()).isEqualTo("completed"));

    // carol has no finished task: alice, at her full quota, gives her oldest; bob (3 = quota) is next in line
    carol.create(Bodies.v3t2v(), "hold=processing").assertQueued();
    alice.get("/v1/videos/generations/" + alices.get(0)).assertError(404, "task_not_found", null, null);
    assertThat(tasksOf(server, "alice")).isEqualTo(2);
  }

  @Test
  void aStoreFullOfUnfinishedTasksOfKeysUnderTheirQuotaRefusesANewKeyWith503() {
    alice.create(Bodies.v3t2v(), "hold=processing").assertQueued();
    alice.create(Bodies.v3t2v(), "hold=processing").assertQueued();
    bob.create(Bodies.v3t2v(), "hold=processing").assertQueued();
    bob.create(Bodies.v3t2v(), "hold=processing").assertQueued();
    carol.create(Bodies.v3t2v(), "hold=processing").assertQueued();
    MockApi.Reply refused =
        new MockApi(server.baseUrl(), "dave").create(Bodies.v3t2v()).assertError(503, "service_unavailable", null, null);
    assertThat(refused.error().path("error_message").asText()).contains("--max-tasks-per-key");
  }

  @Test
  void aPollOfAnEvictedTaskSaysItWasEvictedByIdAndByExternalId() {
    String evicted = create(alice, "order-1");
    create(alice, "order-2");
    create(alice, "order-3");
    finishAll();
    create(alice, "order-4");
    String byId = alice.get("/v1/videos/generations/" + evicted)
        .assertError(404, "task_not_found", null, null).error().path("error_message").asText();
    assertThat(byId).contains(evicted + " was evicted").contains("3 tasks per API key").contains("5 in all");
    assertThat(alice.get("/v1/videos/generations/external/order-1")
            .assertError(404, "task_not_found", null, null).error().path("error_message").asText())
        .contains("external_task_id order-1 was evicted");
    assertThat(bob.get("/v1/videos/generations/" + evicted)
            .assertError(404, "task_not_found", null, null).error().path("error_message").asText())
        .as("another key learns nothing of it")
        .doesNotContain("evicted");
    assertThat(alice.get("/v1/videos/generations/task_01JDX8Z6Q2W3E4R5T6Y7U8I9O0")
            .assertError(404, "task_not_found", null, null).error().path("error_message").asText())
        .doesNotContain("evicted");
  }

  @Test
  void theRecordOfEvictionsIsBoundedForgettingTheOldestFirst() {
    TaskStore store = new TaskStore(1, 1, 2);
    List<TaskRecord> records = new ArrayList<>();
    TaskIds ids = new TaskIds();
    long now = Instant.parse("2026-11-22T10:00:00Z").toEpochMilli();
    for (int i = 0; i < 4; i++) {
      TaskRecord record = EvictionTest.record(ids, now, "k", "e" + i, true);
      store.add(record);
      records.add(record);
    }
    assertThat(store.evicted()).isEqualTo(3);
    assertThat(store.wasEvicted("k", records.get(0).id().toString())).as("forgotten").isFalse();
    assertThat(store.wasEvicted("k", records.get(1).id().toString())).isTrue();
    assertThat(store.wasEvictedByExternalId("k", "e2")).isTrue();
    assertThat(store.wasEvicted("other", records.get(2).id().toString())).isFalse();
    assertThat(store.wasEvicted("k", records.get(3).id().toString())).as("still stored").isFalse();
    store.clear();
    assertThat(store.wasEvicted("k", records.get(2).id().toString())).as("reset forgets").isFalse();
  }

  @Test
  void aQuotaAboveTheStoresCapIsTheCap() {
    assertThat(new TaskStore(3, 100).maxTasksPerKey()).isEqualTo(3);
    assertThatThrownBy(() -> new TaskStore(3, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  private String create(MockApi api, String externalId) {
    return api.create(with(Bodies.v3t2v(), body -> body.put("external_task_id", externalId)))
        .assertQueued()
        .path("id")
        .asText();
  }

  private void finishAll() {
    server.manualClock().advance(Duration.ofMinutes(1));
  }

  /** The tasks the mock holds for {@code key}, through the admin interface. */
  private static int tasksOf(KirinMockServer server, String key) {
    return server.admin().tasks(TaskQuery.all().withKey(key).page(0, TaskQuery.MAX_LIMIT)).size();
  }
}
