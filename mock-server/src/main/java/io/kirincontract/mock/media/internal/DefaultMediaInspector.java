package io.kirincontract.mock.media.internal;

import io.kirincontract.mock.EgressPolicy;
import io.kirincontract.mock.media.ImageInfo;
import io.kirincontract.mock.media.Inspection.Malformed;
import io.kirincontract.mock.media.Inspection.TooLarge;
import io.kirincontract.mock.media.Inspection.Unreachable;
import io.kirincontract.mock.media.Inspection;
import io.kirincontract.mock.media.MediaInspector;
import io.kirincontract.mock.media.MediaSource;
import io.kirincontract.mock.media.VideoInfo;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The mock's {@link MediaInspector}: decodes base64 or fetches http(s) URLs within the limits of
 * its {@link MediaFetchSettings}, then reads headers only. Base64 sizes are checked from the text's
 * length before decoding. Thread-safe; create one per server and share it.
 */
public final class DefaultMediaInspector implements MediaInspector {

  private final MediaFetchSettings settings;
  private final UrlFetcher fetcher;
  private final ImageHeaderReader images = new ImageHeaderReader();
  private final VideoHeaderReader videos = new VideoHeaderReader();

  /** An inspector that fetches from loopback hosts only ({@link EgressPolicy#loopback()}). */
  public DefaultMediaInspector(MediaFetchSettings settings) {
    this(settings, EgressPolicy.loopback());
  }

  /** An inspector that fetches only the URLs {@code egress} allows; any other URL is unreachable. */
  public DefaultMediaInspector(MediaFetchSettings settings, EgressPolicy egress) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.fetcher = new UrlFetcher(settings, Objects.requireNonNull(egress, "egress"));
  }

  @Override
  public Inspection<ImageInfo> inspectImage(String value) {
    MediaValue parsed = MediaValue.parse(value);
    if (parsed instanceof MediaValue.Url url) {
      return fetched(url, settings.maxImageBytes(), images::read);
    }
    if (parsed instanceof MediaValue.Base64Text base64) {
      return decoded(base64.text());
    }
    return new Malformed<>(((MediaValue.Invalid) parsed).reason());
  }

  @Override
  public Inspection<VideoInfo> inspectVideo(String url) {
    MediaValue parsed = MediaValue.parse(url);
    if (parsed instanceof MediaValue.Url video) {
      return fetched(video, settings.maxVideoBytes(), videos::read);
    }
    if (parsed instanceof MediaValue.Base64Text) {
      return new Malformed<>("a video must be given as an http:// or https:// URL");
    }
    return new Malformed<>(((MediaValue.Invalid) parsed).reason());
  }

  private Inspection<ImageInfo> decoded(String text) {
    long limit = settings.maxImageBytes();
    if (Base64Media.decodedSizeUpperBound(text) > limit) {
      long size = Base64Media.decodedSize(text);
      if (size > limit) {
        return new TooLarge<>(limit, size, MediaSource.BASE64);
      }
    }
    byte[] bytes;
    try {
      bytes = Base64Media.decode(text);
    } catch (Base64Media.InvalidBase64Exception e) {
      return new Malformed<>(e.getMessage());
    }
    return images.read(bytes, MediaSource.BASE64);
  }

  private <T> Inspection<T> fetched(
      MediaValue.Url url, long limit, BiFunction<byte[], MediaSource, Inspection<T>> reader) {
    if (!settings.fetchUrls()) {
      return new Unreachable<>(url.text(), "fetching URLs is turned off (fetchUrls=false)");
    }
    FetchOutcome outcome = fetcher.fetch(url.uri(), limit);
    if (outcome instanceof FetchOutcome.Body body) {
      return reader.apply(body.bytes(), MediaSource.URL);
    }
    if (outcome instanceof FetchOutcome.OverCap over) {
      return new TooLarge<>(limit, over.seenBytes(), MediaSource.URL);
    }
    return new Unreachable<>(url.text(), ((FetchOutcome.Failed) outcome).reason());
  }
}
