package io.kirincontract.mock.rules.media;

import io.kirincontract.mock.media.ImageInfo;
import io.kirincontract.mock.media.Inspection;
import io.kirincontract.mock.media.MediaInspector;
import io.kirincontract.mock.media.VideoInfo;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

  public Inspection<ImageInfo> image(MediaValue media) {
    return images.computeIfAbsent(media.param(), param -> inspector.inspectImage(media.value()));
  }

  public Inspection<VideoInfo> video(MediaValue media) {
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
