package io.kirincontract.mock.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Task ids are two longs on the inside and {@code task_} plus 26 Crockford base32 characters on the outside. */
class TaskIdTest {

  private static final long NOW = Instant.parse("2026-11-22T10:00:00Z").toEpochMilli();

  @Test
  void anIdReadsBackToTheSameIdAndCreationTime() {
    TaskIds ids = new TaskIds();
    for (int i = 0; i < 1_000; i++) {
      TaskId id = ids.next(NOW + i);
      assertThat(id.toString()).matches("task_[0-9A-HJKMNP-TV-Z]{26}");
      assertThat(TaskId.parse(id.toString())).contains(id);
      assertThat(id.millis()).isEqualTo(NOW + i);
    }
  }

  @Test
  void everyRandomBitSurvivesTheRoundTrip() {
    TaskId id = TaskId.of(NOW, 0xFFFF, -1L);
    assertThat(id.toString()).endsWith("ZZZZZZZZZZZZZZZZ");
    assertThat(TaskId.parse(id.toString())).contains(id);
    TaskId low = TaskId.of(NOW, 0x8000, 1L);
    assertThat(TaskId.parse(low.toString())).contains(low);
  }

  @Test
  void anIdMadeAtTheLatestTimeOfTheClockReadsBack() {
    TaskId latest = TaskId.of(io.kirincontract.mock.lifecycle.MockClock.LATEST.toEpochMilli(), 0xFFFF, -1L);
    assertThat(TaskId.parse(latest.toString())).contains(latest);
    TaskId largest = TaskId.of((1L << 48) - 1, 0, 0);
    assertThat(largest.toString()).startsWith("task_7ZZZZZZZZZ");
    assertThat(TaskId.parse(largest.toString())).contains(largest);
  }

  @Test
  void idsSortByCreationTime() {
    assertThat(TaskId.of(NOW, 0xFFFF, -1L).toString()).isLessThan(TaskId.of(NOW + 1, 0, 0).toString());
  }

  @Test
  void idsMadeInTheSameMillisecondStillSortInCreationOrder() {
    TaskIds ids = new TaskIds();
    String previous = ids.next(NOW).toString();
    for (int i = 0; i < 10_000; i++) {
      String next = ids.next(NOW).toString();
      assertThat(next).isGreaterThan(previous);
      previous = next;
    }
    assertThat(ids.next(NOW - 5).millis()).as("a clock going back does not make ids go back").isEqualTo(NOW);
  }

  @Test
  void idsMadeByManyThreadsAtOnceAreDistinctAndIncreaseInEachThread() throws Exception {
    TaskIds ids = new TaskIds();
    int threads = 8;
    int perThread = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<String>>> made = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        made.add(
            pool.submit(
                () -> {
                  start.await();
                  List<String> own = new ArrayList<>(perThread);
                  for (int i = 0; i < perThread; i++) {
                    own.add(ids.next(NOW + i / 1_000).toString());
                  }
                  return own;
                }));
      }
      start.countDown();
      Set<String> all = new HashSet<>();
      for (Future<List<String>> future : made) {
        List<String> own = future.get(60, TimeUnit.SECONDS);
        assertThat(own).as("one thread's ids increase").isSorted();
        all.addAll(own);
      }
      assertThat(all).as("no id made twice").hasSize(threads * perThread);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void textThatNoServerCouldHaveMadeIsNotAnId() {
    assertThat(TaskId.parse(null)).isEmpty();
    assertThat(TaskId.parse("task_1")).isEmpty();
    assertThat(TaskId.parse("job_01JDX8Z6Q2W3E4R5T6Y7U8I9O0")).isEmpty();
    assertThat(TaskId.parse("task_01jdx8z6q2w3e4r5t6y7u8i9o0")).as("lower case").isEmpty();
    assertThat(TaskId.parse("task_01JDX8Z6Q2W3E4R5T6Y7U8I9OU")).as("U is not Crockford").isEmpty();
    assertThat(TaskId.parse("task_81JDX8Z6Q2W3E4R5T6Y7U8I9O0")).as("time over 48 bits").isEmpty();
    assertThat(TaskId.parse("task_00000000000000000000000000")).contains(TaskId.of(0, 0, 0));
  }
}
