package io.kirincontract.mock.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The store's index by id: it answers as a map would through any sequence of adds and removals (removal shifts
 * entries back, across the end of a segment's array too), and a lookup without a lock never misses a record that
 * stays put while other records come and go around it.
 */
class TaskIndexTest {

  private final StoredTasks tasks = new StoredTasks("2026-12-04T10:00:00Z");
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void answersAsAMapThroughRandomAddsAndRemoves() {
    TaskIndex index = new TaskIndex();
    Map<TaskId, TaskRecord> model = new HashMap<>();
    List<TaskRecord> records = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      records.add(tasks.next());
    }
    Random random = new Random(17);
    for (int step = 0; step < 200_000; step++) {
      TaskRecord task = records.get(random.nextInt(records.size()));
      if (random.nextInt(3) == 0) {
        assertThat(index.remove(task)).isEqualTo(model.remove(task.id()) != null);
      } else {
        index.put(task);
        model.put(task.id(), task);
      }
      assertThat(index.get(task.id())).isSameAs(model.get(task.id()));
      if (step % 20_000 == 0) {
        for (TaskRecord any : records) {
          assertThat(index.get(any.id())).isSameAs(model.get(any.id()));
        }
      }
    }
    assertThat(index.size()).isEqualTo(model.size());
    assertThat(index.values()).containsExactlyInAnyOrderElementsOf(model.values());
    assertThat(index.clear()).containsExactlyInAnyOrderElementsOf(model.values());
    assertThat(index.size()).isZero();
    assertThat(index.get(records.get(0).id())).isNull();
  }

  @Test
  void removesOnlyTheRecordItHoldsNotAnotherWithTheSameId() {
    TaskIndex index = new TaskIndex();
    TaskRecord task = tasks.next();
    TaskRecord sameId = tasks.copy(task.id(), "other");
    index.put(task);
    index.put(sameId);

    assertThat(index.size()).isEqualTo(1);
    assertThat(index.remove(task)).as("replaced by the record with its id").isFalse();
    assertThat(index.get(task.id())).isSameAs(sameId);
    assertThat(index.remove(sameId)).isTrue();
    assertThat(index.size()).isZero();
  }

  @Test
  void aLookupWithoutALockFindsEveryRecordThatStaysWhileOthersComeAndGo() throws Exception {
    TaskIndex index = new TaskIndex();
    List<TaskRecord> staying = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      TaskRecord task = tasks.next();
      index.put(task);
      staying.add(task);
    }
    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> readers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      readers.add(
          pool.submit(
              () -> {
                start.await();
                int misses = 0;
                do {
                  for (TaskRecord task : staying) {
                    if (index.get(task.id()) != task) {
                      misses++;
                    }
                  }
                } while (writing.get());
                return misses;
              }));
    }
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      int seed = w;
      writers.add(
          pool.submit(
              () -> {
                start.await();
                Random random = new Random(seed);
                List<TaskRecord> mine = new ArrayList<>();
                for (int i = 0; i < 200_000; i++) {
                  // grows the segments (resizing them under the readers) and removes across the stayers' runs
                  if (mine.size() < 20_000 && (mine.isEmpty() || random.nextInt(3) > 0)) {
                    TaskRecord task = tasks.next();
                    index.put(task);
                    mine.add(task);
                  } else {
                    assertThat(index.remove(mine.remove(random.nextInt(mine.size())))).isTrue();
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> writer : writers) {
      writer.get(2, TimeUnit.MINUTES);
    }
    writing.set(false);
    for (Future<Integer> reader : readers) {
      assertThat(reader.get(2, TimeUnit.MINUTES)).isZero();
    }
    for (TaskRecord task : staying) {
      assertThat(index.get(task.id())).isSameAs(task);
    }
  }
}
