package io.kirincontract.mock.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.media.SyntheticMedia;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SyntheticMediaCacheTest {

  private static final VideoShape SMALL = new VideoShape(320, 240, 24, 1);

  @Test
  void givesTheSameBytesAsGeneratingDirectly() {
    SyntheticMediaCache cache = new SyntheticMediaCache();

    assertThat(cache.mp4(SMALL)).isEqualTo(SyntheticMedia.mp4(SMALL));
    assertThat(cache.mov(SMALL)).isEqualTo(SyntheticMedia.mov(SMALL));
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void keepsOneEntryPerShapeAndContainer() {
    SyntheticMediaCache cache = new SyntheticMediaCache();

    byte[] first = cache.mp4(SMALL);
    byte[] second = cache.mp4(new VideoShape(320, 240, 24, 1));

    assertThat(second).isEqualTo(first);
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.cachedBytes()).isEqualTo(first.length);
  }

  @Test
  void callersGetCopiesTheyMayChange() {
    SyntheticMediaCache cache = new SyntheticMediaCache();
    byte[] first = cache.mp4(SMALL);
    first[0] = 42;

    assertThat(cache.mp4(SMALL)[0]).isNotEqualTo((byte) 42);
  }

  @Test
  void dropsTheLeastRecentlyUsedEntryWhenOverBudget() {
    int oneVideo = SyntheticMedia.mp4(SMALL).length;
    SyntheticMediaCache cache = new SyntheticMediaCache(oneVideo * 2L + oneVideo / 2);
    VideoShape second = new VideoShape(320, 240, 24, 1.5);
    VideoShape third = new VideoShape(320, 240, 25, 1);

    cache.mp4(SMALL);
    cache.mp4(second);
    cache.mp4(SMALL); // SMALL is now the most recently used
    cache.mp4(third);

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.cachedBytes()).isLessThanOrEqualTo(oneVideo * 2L + oneVideo / 2);
  }

  @Test
  void anEntryLargerThanTheBudgetIsServedButNotKept() {
    SyntheticMediaCache cache = new SyntheticMediaCache(100);

    assertThat(cache.mp4(SMALL)).isEqualTo(SyntheticMedia.mp4(SMALL));
    assertThat(cache.size()).isZero();
    assertThat(cache.cachedBytes()).isZero();
  }

  @Test
  void differentShapesGeneratedInParallelMatchTheirSequentialBytes() throws Exception {
    List<VideoShape> shapes =
        List.of(
            new VideoShape(320, 240, 24, 1),
            new VideoShape(640, 360, 30, 1),
            new VideoShape(480, 854, 25, 1),
            new VideoShape(1280, 720, 60, 1));
    SyntheticMediaCache cache = new SyntheticMediaCache();
    ExecutorService pool = Executors.newFixedThreadPool(shapes.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<byte[]>> parallel = new ArrayList<>();
      for (VideoShape shape : shapes) {
        parallel.add(
            pool.submit(
                () -> {
                  start.await();
                  return cache.mov(shape);
                }));
      }
      start.countDown();
      for (int i = 0; i < shapes.size(); i++) {
        assertThat(parallel.get(i).get()).isEqualTo(SyntheticMedia.mov(shapes.get(i)));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentRequestsForOneShapeShareOneGeneration() throws Exception {
    SyntheticMediaCache cache = new SyntheticMediaCache();
    VideoShape shape = new VideoShape(1280, 720, 30, 2);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<byte[]>> results = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return cache.mp4(shape);
                }));
      }
      start.countDown();
      byte[] expected = results.get(0).get();
      for (Future<byte[]> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
      assertThat(cache.size()).isEqualTo(1);
      assertThat(cache.cachedBytes()).isEqualTo(expected.length);
    } finally {
      pool.shutdownNow();
    }
  }
}
