package io.kirincontract.mock.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kirincontract.mock.media.ImageInfo;
import io.kirincontract.mock.media.Inspection.Inspected;
import io.kirincontract.mock.media.MediaInspector;
import io.kirincontract.mock.media.SyntheticMedia;
import io.kirincontract.mock.media.VideoInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One inspector shared by many threads, as in the mock: every result matches its own input. */
class ConcurrentInspectionTest {

  @Test
  void oneInspectorServesManyThreadsAtOnce() throws Exception {
    MediaInspector inspector = new DefaultMediaInspector(Fixtures.settings());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try (LocalMediaServer server = LocalMediaServer.start()) {
      List<Callable<Boolean>> checks = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        int width = 320 + 2 * i;
        int height = 480 + 2 * i;
        String png = Fixtures.base64(SyntheticMedia.png(width, height));
        String jpegUrl = server.serve("/" + i + ".jpg", SyntheticMedia.jpeg(height, width));
        int fps = 24 + i;
        String videoUrl = server.serve("/" + i + ".mp4", SyntheticMedia.mp4(width, height, fps, 1));
        checks.add(
            () -> {
              start.await();
              for (int round = 0; round < 5; round++) {
                ImageInfo image = ((Inspected<ImageInfo>) inspector.inspectImage(png)).info();
                ImageInfo fetched = ((Inspected<ImageInfo>) inspector.inspectImage(jpegUrl)).info();
                VideoInfo video = ((Inspected<VideoInfo>) inspector.inspectVideo(videoUrl)).info();
                assertThat(image.width()).isEqualTo(width);
                assertThat(fetched.width()).isEqualTo(height);
                assertThat(video.width()).isEqualTo(width);
                assertThat(video.fps()).isCloseTo(fps, within(0.01));
              }
              return true;
            });
      }
      List<Future<Boolean>> results = new ArrayList<>();
      for (Callable<Boolean> check : checks) {
        results.add(pool.submit(check));
      }
      start.countDown();
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
