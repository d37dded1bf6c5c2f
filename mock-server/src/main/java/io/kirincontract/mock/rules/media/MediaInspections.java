package io.kirincontract.mock.rules.media;

import io.kirincontract.mock.media.ImageInfo;
import io.kirincontract.mock.media.Inspection;
import io.kirincontract.mock.media.MediaInspector;
import io.kirincontract.mock.media.VideoInfo;
import io.kirincontract.mock.rules.RequestView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The media of one request, each inspected at most once however many rules read it (an image URL is fetched once,
 * not once per rule).
 */
public final class MediaInspections {

  private final MediaInspector inspector;
  private final Map<String, Inspection<ImageInfo>> images = new ConcurrentHashMap<>();
  private final Map<String, Inspection<VideoInfo>> videos = new ConcurrentHashMap<>();

  public MediaInspections(MediaInspector inspector) {
    this.inspector = inspector;
  }

  /**
   * Inspects all these values at once (URLs are fetched in parallel on {@code executor}), so that a request with
   * several slow or unreachable URLs waits for the slowest, not for their sum.
   */
  public void prefetch(List<MediaParam> imageValues, List<MediaParam> videoValues, Executor executor) {
    List<CompletableFuture<?>> pending = new ArrayList<>();
    imageValues.forEach(value -> pending.add(CompletableFuture.runAsync(() -> image(value), executor)));
    videoValues.forEach(value -> pending.add(CompletableFuture.runAsync(() -> video(value), executor)));
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
  }

  /** {@link #prefetch} of every image and video of a model's request. */
  public void prefetchAll(String modelId, RequestView request, Executor executor) {
    prefetch(MediaFields.imagesOf(modelId).values(request), MediaFields.videosOf(modelId).values(request), executor);
  }

  public Inspection<ImageInfo> image(MediaParam media) {
    return images.computeIfAbsent(media.param(), param -> inspector.inspectImage(media.value()));
  }

  public Inspection<VideoInfo> video(MediaParam media) {
    return videos.computeIfAbsent(media.param(), param -> inspector.inspectVideo(media.value()));
  }

  /** The image at a path if it was inspected and read. */
  public Optional<ImageInfo> inspectedImage(String param) {
    return Optional.ofNullable(images.get(param))
        .filter(Inspection.Inspected.class::isInstance)
        .map(inspection -> ((Inspection.Inspected<ImageInfo>) inspection).info());
  }

  /** The video at a path if it was inspected and read. */
  public Optional<VideoInfo> inspectedVideo(String param) {
    return Optional.ofNullable(videos.get(param))
        .filter(Inspection.Inspected.class::isInstance)
        .map(inspection -> ((Inspection.Inspected<VideoInfo>) inspection).info());
  }
}
