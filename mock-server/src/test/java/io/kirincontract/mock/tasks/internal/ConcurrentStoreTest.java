package io.kirincontract.mock.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.tasks.TaskMetadata;
import io.kirincontract.mock.tasks.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Adds to the store take no lock: many threads adding at once still keep the cap exactly, evict only finished tasks,
 * and let one task only have a given external id.
 */
class ConcurrentStoreTest {

  private static final long NOW = Instant.parse("2026-11-22T10:00:00Z").toEpochMilli();
  private static final int THREADS = 8;

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
  private final TaskIds ids = new TaskIds();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void racingAddsKeepTheCapExactlyAndEvictOnlyFinishedTasks() throws Exception {
    int cap = 1_000;
    int perThread = 5_000;
    TaskStore store = new TaskStore(cap);
    List<TaskRecord> unfinished = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      TaskRecord task = record("k", null, false);
      store.add(task);
      unfinished.add(task);
    }
    AtomicInteger largest = new AtomicInteger();
    race(
        () -> {
          for (int i = 0; i < perThread; i++) {
            store.add(record("k", null, true));
            largest.accumulateAndGet(store.size(), Math::max);
          }
          return null;
        });

    assertThat(largest.get()).isLessThanOrEqualTo(cap);
    assertThat(store.size()).isEqualTo(cap);
    assertThat(store.evicted()).isEqualTo(10L + THREADS * perThread - cap);
    assertThat(store.all()).containsAll(unfinished);
  }

  @Test
  void ofRacingAddsWithOneExternalIdExactlyOneIsStored() throws Exception {
    TaskStore store = new TaskStore(100);
    AtomicInteger conflicts = new AtomicInteger();
    List<Integer> stored =
        race(
            () -> {
              try {
                store.add(record("k", "same-id", false));
                return 1;
              } catch (ExternalTaskIdConflictException e) {
                conflicts.incrementAndGet();
                return 0;
              }
            });

    assertThat(stored.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
    assertThat(conflicts.get()).isEqualTo(THREADS - 1);
    assertThat(store.size()).as("a refused add gives its slot back").isEqualTo(1);
    assertThat(store.findByExternalId("k", "same-id")).isPresent();
  }

  @Test
  void aStoreFullOfUnfinishedTasksRefusesWhateverTheRace() throws Exception {
    TaskStore store = new TaskStore(50);
    AtomicInteger refused = new AtomicInteger();
    race(
        () -> {
          for (int i = 0; i < 20; i++) {
            try {
              store.add(record("k", null, false));
            } catch (StoreFullException e) {
              refused.incrementAndGet();
            }
          }
          return null;
        });

    assertThat(store.size()).isEqualTo(50);
    assertThat(refused.get()).isEqualTo(THREADS * 20 - 50);
    assertThat(store.evicted()).isZero();
  }

  @Test
  void racingAddsOfTwoKeysKeepEachKeysQuotaAndTheCapExactly() throws Exception {
    TaskStore store = new TaskStore(100, 60);
    AtomicInteger racer = new AtomicInteger();
    race(
        () -> {
          String tenant = racer.getAndIncrement() % 2 == 0 ? "k1" : "k2";
          for (int i = 0; i < 2_000; i++) {
            store.add(record(tenant, null, true));
            assertThat(store.size(tenant)).isLessThanOrEqualTo(60);
          }
          return null;
        });

    assertThat(store.size()).isEqualTo(100);
    assertThat(store.size("k1") + store.size("k2")).isEqualTo(100);
    assertThat(store.size("k1")).isBetween(40, 60);
    assertThat(store.all()).allMatch(task -> !task.removed());
  }

  @Test
  void racingAddsOfManyKeysIntoAFullStoreEvictEachTaskOnceAndRememberTheEvictions() throws Exception {
    int cap = 400;
    int perThread = 3_000;
    // Each key may hold 100, so the store fills before any key is at its quota: a key evicts its own oldest finished
    // task then, and each starts with one so that it always has one (a key that has none is refused, by design).
    TaskStore store = new TaskStore(cap, 100);
    List<TaskRecord> first = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      TaskRecord task = record("k" + i, "first", true);
      store.add(task);
      first.add(task);
    }
    AtomicInteger racer = new AtomicInteger();
    List<List<TaskRecord>> added =
        race(
            () -> {
              String tenant = "k" + racer.getAndIncrement();
              List<TaskRecord> mine = new ArrayList<>();
              for (int i = 0; i < perThread; i++) {
                TaskRecord task = record(tenant, "ext-" + i, true);
                store.add(task);
                mine.add(task);
              }
              return mine;
            });

    List<TaskRecord> all = new ArrayList<>(first);
    added.forEach(all::addAll);
    long gone = all.stream().filter(TaskRecord::removed).count();
    assertThat(store.size()).isEqualTo(cap);
    assertThat(store.evicted()).isEqualTo(gone).isEqualTo(THREADS + (long) THREADS * perThread - cap);
    assertThat(first).allMatch(TaskRecord::removed);
    assertThat(store.all()).allMatch(task -> !task.removed());
    TaskRecord lastEvicted =
        all.stream().filter(TaskRecord::removed).filter(task -> task.externalTaskId().equals("ext-" + (perThread - 1)))
            .findFirst().orElse(null);
    if (lastEvicted != null) { // a key whose newest task was evicted by another key's add: remembered by both ids
      assertThat(store.wasEvicted(lastEvicted.tenant(), lastEvicted.id().toString())).isTrue();
      assertThat(store.wasEvictedByExternalId(lastEvicted.tenant(), lastEvicted.externalTaskId())).isTrue();
    }
    for (TaskRecord kept : store.all()) {
      assertThat(store.findByExternalId(kept.tenant(), kept.externalTaskId())).contains(kept);
      assertThat(store.wasEvicted(kept.tenant(), kept.id().toString())).isFalse();
    }
  }

  @Test
  void racingEvictionsFillTheEvictionRecordToItsCapacityExactlyAndItKeepsTheNewest() throws Exception {
    EvictionRecord record = new EvictionRecord(1_000);
    race(
        () -> {
          for (int i = 0; i < 5_000; i++) {
            record.add(record("k", "e" + i, true));
          }
          return null;
        });

    assertThat(record.size()).isEqualTo(1_000);
    List<TaskRecord> newest = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      TaskRecord task = record("k2", "n" + i, true);
      record.add(task);
      newest.add(task);
    }
    assertThat(record.size()).isEqualTo(1_000);
    assertThat(newest)
        .allMatch(task -> record.hasId("k2", task.id()) && record.hasExternalId("k2", task.externalTaskId()));
    assertThat(record.hasExternalId("k", "e0")).isFalse();
    record.clear();
    assertThat(record.size()).isZero();
    assertThat(record.hasId("k2", newest.get(999).id())).isFalse();
  }

  /** Runs the body on every thread at once; returns what each returned. */
  private <T> List<T> race(Callable<T> body) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return body.call();
              }));
    }
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get());
    }
    return results;
  }

  private TaskRecord record(String tenant, String externalId, boolean finished) {
    TaskRecord record =
        new TaskRecord(ids.next(NOW), tenant, "kirin_v3_t2v", externalId, null,
            new TaskMetadata("720p", 1280, 720, 24, "16:9", 5, "std", "off", false, "text_to_video", null,
                List.of(), List.of()),
            false, TaskTimeline.of(NOW, 1, 1));
    if (finished) {
      record.announced(TaskStatus.COMPLETED);
    }
    return record;
  }
}
