package io.kirincontract.mock.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A tenant's line: first in, first out across its chunks, as a queue through any sequence of adds and takes, and
 * under threads that add and take at once every task comes out exactly once (none lost when a taker passes a slot
 * its adder has not filled yet, none taken twice), whether takers wait for such a slot or not.
 */
class TaskLineTest {

  private final StoredTasks tasks = new StoredTasks("2026-12-05T02:00:00Z");
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void givesTasksBackInTheOrderTheyCameAcrossChunks() {
    TaskLine line = new TaskLine();
    List<TaskRecord> added = tasks.next(5_000);
    added.forEach(line::add);
    for (TaskRecord task : added) {
      assertThat(line.poll()).isSameAs(task);
    }
    assertThat(line.poll()).isNull();
    assertThat(line.size()).isZero();
    TaskRecord later = tasks.next();
    line.add(later);
    assertThat(line.poll()).isSameAs(later);
    assertThat(line.poll()).isNull();
  }

  @Test
  void answersAsAQueueThroughRandomAddsAndTakes() {
    TaskLine line = new TaskLine();
    ArrayDeque<TaskRecord> model = new ArrayDeque<>();
    List<TaskRecord> records = tasks.next(500);
    Random random = new Random(5);
    for (int step = 0; step < 200_000; step++) {
      // Runs of adds and of takes, so that the line empties and grows again over chunk boundaries.
      boolean adding = (step / 700) % 2 == 0 ? random.nextInt(4) != 0 : random.nextInt(4) == 0;
      if (adding) {
        TaskRecord task = records.get(random.nextInt(records.size()));
        line.add(task);
        model.add(task);
      } else {
        assertThat(line.poll()).isSameAs(model.poll());
      }
      assertThat(line.size()).isEqualTo(model.size());
    }
    while (!model.isEmpty()) {
      assertThat(line.poll()).isSameAs(model.poll());
    }
    assertThat(line.poll()).isNull();
  }

  @Test
  void removeIfDropsWhatItAcceptsAndKeepsTheOthersInOrder() {
    TaskLine line = new TaskLine();
    List<TaskRecord> added = tasks.next(100);
    added.forEach(line::add);
    assertThat(line.removeIf(task -> added.indexOf(task) % 3 == 0)).isEqualTo(34);
    assertThat(line.size()).isEqualTo(66);
    for (int i = 0; i < added.size(); i++) {
      if (i % 3 != 0) {
        assertThat(line.poll()).isSameAs(added.get(i));
      }
    }
    assertThat(line.poll()).isNull();
    assertThat(new TaskLine().removeIf(task -> true)).isZero();
  }

  @Test
  void aTakerPassesASlotNotFilledInTimeAndItsTaskGoesToAnother() {
    TaskLine line = new TaskLine(0, 0);
    TaskRecord first = tasks.next();
    TaskRecord second = tasks.next();
    long claimed = line.claim();
    line.add(second);
    assertThat(line.poll()).isSameAs(second); // passing the claimed slot in front of it, not waiting for it
    assertThat(line.fill(claimed, first)).isFalse();
    assertThat(line.poll()).isNull();
    line.add(first);
    assertThat(line.poll()).isSameAs(first);

    TaskLine waiting = new TaskLine();
    long slow = waiting.claim();
    assertThat(waiting.size()).as("a claimed index counts").isOne();
    assertThat(waiting.poll()).isNull(); // waited a little, then passed
    assertThat(waiting.size()).as("a passed slot does not").isZero();
    assertThat(waiting.fill(slow, first)).isFalse();
    long quick = waiting.claim();
    assertThat(waiting.fill(quick, first)).isTrue();
    assertThat(waiting.poll()).isSameAs(first);
  }

  @Test
  void tasksAddedAndTakenByManyThreadsComeOutExactlyOnce() throws Exception {
    addAndTakeAtOnce(new TaskLine());
  }

  /**
   * Takers that do not wait for an adder pass its slot, and the adder claims another: none lost, none twice. A slot
   * is passed only where a taker reads it between its adder's claim and fill, so the race is run several times.
   */
  @Test
  void tasksWhoseSlotsTakersPassedComeOutExactlyOnce() throws Exception {
    for (int round = 0; round < 10; round++) {
      addAndTakeAtOnce(new TaskLine(0, 0));
    }
  }

  private void addAndTakeAtOnce(TaskLine line) throws Exception {
    int adders = 5;
    int perAdder = 24_000;
    List<List<TaskRecord>> batches = new ArrayList<>();
    for (int i = 0; i < adders; i++) {
      batches.add(tasks.next(perAdder));
    }
    // Every fourth task goes to the back once when taken, as the store sends an unfinished task to the back.
    Set<TaskRecord> sendBack = ConcurrentHashMap.newKeySet();
    for (List<TaskRecord> batch : batches) {
      for (int i = 0; i < batch.size(); i += 4) {
        sendBack.add(batch.get(i));
      }
    }
    Set<TaskRecord> taken = ConcurrentHashMap.newKeySet();
    AtomicInteger duplicates = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> work = new ArrayList<>();
    for (List<TaskRecord> batch : batches) {
      work.add(
          pool.submit(
              () -> {
                start.await();
                batch.forEach(line::add);
                return null;
              }));
    }
    List<Future<?>> takers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      takers.add(
          pool.submit(
              () -> {
                start.await();
                while (!stop.get()) {
                  TaskRecord task = line.poll();
                  if (task == null) {
                    Thread.onSpinWait();
                  } else if (sendBack.remove(task)) {
                    line.add(task);
                  } else if (!taken.add(task)) {
                    duplicates.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> adder : work) {
      adder.get(60, TimeUnit.SECONDS);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (taken.size() + duplicates.get() < adders * perAdder && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    stop.set(true);
    for (Future<?> taker : takers) {
      taker.get(60, TimeUnit.SECONDS);
    }
    assertThat(duplicates.get()).isZero();
    assertThat(sendBack).isEmpty();
    assertThat(taken).hasSize(adders * perAdder);
    for (List<TaskRecord> batch : batches) {
      assertThat(batch.stream().filter(task -> !taken.contains(task))).isEmpty();
    }
    assertThat(line.poll()).isNull();
  }
}
