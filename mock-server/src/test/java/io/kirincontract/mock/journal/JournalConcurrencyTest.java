package io.kirincontract.mock.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Requests take numbers and publish entries without a lock: many threads recording at once lose nothing, number
 * every entry once, count what the ring drops, and wake a waiting {@code take}.
 */
class JournalConcurrencyTest {

  private static final int THREADS = 8;
  private static final int PER_THREAD = 5_000;

  @Test
  void manyThreadsRecordingAtOnceLeaveEveryEntryOnceInNumberOrder() throws Exception {
    RequestJournal journal = new RequestJournal(true, THREADS * PER_THREAD);
    recordFromManyThreads(journal);

    List<RecordedRequest> all = journal.all();
    assertThat(all).extracting(RecordedRequest::seq)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, THREADS * PER_THREAD).boxed().toList());
    assertThat(journal.total()).isEqualTo(THREADS * PER_THREAD);
    assertThat(journal.dropped()).isZero();
  }

  @Test
  void aRingSmallerThanTheLoadKeepsTheNewestAndCountsTheRestAsDropped() throws Exception {
    int size = 1_000;
    RequestJournal journal = new RequestJournal(true, size);
    recordFromManyThreads(journal);

    List<RecordedRequest> kept = journal.all();
    assertThat(journal.total()).isEqualTo(THREADS * PER_THREAD);
    assertThat(journal.dropped()).isEqualTo(THREADS * PER_THREAD - size);
    assertThat(kept).hasSize(size);
    assertThat(kept).extracting(RecordedRequest::seq)
        .containsExactlyElementsOf(
            LongStream.rangeClosed(THREADS * PER_THREAD - size + 1, THREADS * PER_THREAD).boxed().toList());
  }

  @Test
  void aWaitingTakeIsWokenByAnEntryRecordedOnAnotherThread() throws Exception {
    RequestJournal journal = new RequestJournal(true, 100);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Optional<RecordedRequest>> taken = pool.submit(() -> journal.take(Duration.ofSeconds(30)));
      Thread.sleep(100); // let the take start waiting (it is woken either way; this makes the wait likely)
      record(journal, "/v1/videos/generations/woken");

      Optional<RecordedRequest> entry = taken.get(10, TimeUnit.SECONDS);
      assertThat(entry).map(RecordedRequest::path).contains("/v1/videos/generations/woken");
    } finally {
      pool.shutdownNow();
    }
  }

  private static void recordFromManyThreads(RequestJournal journal) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < PER_THREAD; i++) {
                    record(journal, "/v1/videos/generations");
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void record(RequestJournal journal, String path) {
    journal.record(
        journal.arrive(),
        new RecordedRequest.Builder()
            .request("GET", path)
            .headers(null, "test", null, null)
            .answer(200, null, null)
            .elapsedMs(0.1));
  }
}
