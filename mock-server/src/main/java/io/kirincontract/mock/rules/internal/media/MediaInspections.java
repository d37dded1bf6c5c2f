package io.kirincontract.mock.rules.internal.media;

import io.kirincontract.mock.media.ImageInfo;
import io.kirincontract.mock.media.Inspection;
import io.kirincontract.mock.media.MediaInspector;
import io.kirincontract.mock.media.VideoInfo;
import io.kirincontract.mock.rules.internal.RequestView;
import io.kirincontract.spec.ModelProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The media of one request. Each distinct value is inspected at most once, however many fields hold it and however
 * many rules read it (seven image entries with the same URL make one fetch). {@link #prepare} decides, before the
 * media rules run, whether URLs are fetched at all: not for a request other rules already refused; otherwise all at
 * once, in parallel, within one wall-clock budget for the whole request (a fetch still running when the budget is
 * spent is cancelled and counts as unreachable).
 */
public final class MediaInspections {

  private final MediaInspector inspector;
  private final ExecutorService executor;
  private final Duration budget;
  private final Kind<ImageInfo> images;
  private final Kind<VideoInfo> videos;
  /** False once the request is known to be refused: URLs are then not fetched. */
  private volatile boolean fetching = true;

  /**
   * @param executor where URLs are fetched in parallel
   * @param budget the most wall-clock time all fetches of the request may take together
   */
  public MediaInspections(MediaInspector inspector, ExecutorService executor, Duration budget) {
    this.inspector = inspector;
    this.executor = executor;
    this.budget = budget;
    this.images = new Kind<>(inspector::inspectImage);
    this.videos = new Kind<>(inspector::inspectVideo);
  }

  /**
   * Called once before the media rules run. When {@code refused}, no URL is fetched (the URL values are {@link
   * Inspection.NotFetched}; base64 values, which cost no connection, are still read). Otherwise every distinct value
   * of the model's media fields (its profile's {@code images} and {@code videos}) is inspected now, in parallel, within the budget.
   */
  public void prepare(ModelProfile profile, RequestView request, boolean refused) {
    List<MediaParam> imageValues = MediaFields.of(profile.images()).values(request);
    List<MediaParam> videoValues = MediaFields.of(profile.videos()).values(request);
    imageValues.forEach(images::remember);
    videoValues.forEach(videos::remember);
    if (refused) {
      fetching = false;
      return;
    }
    long deadline = System.nanoTime() + budget.toNanos();
    List<Pending> pending = new ArrayList<>();
    images.submitDistinct(imageValues, pending);
    videos.submitDistinct(videoValues, pending);
    for (Pending each : pending) {
      each.await(deadline);
    }
  }

  public Inspection<ImageInfo> image(MediaParam media) {
    return images.inspection(media);
  }

  public Inspection<VideoInfo> video(MediaParam media) {
    return videos.inspection(media);
  }

  /** The image at a path if it was inspected and read. */
  public Optional<ImageInfo> inspectedImage(String param) {
    return images.inspected(param);
  }

  /** The video at a path if it was inspected and read. */
  public Optional<VideoInfo> inspectedVideo(String param) {
    return videos.inspected(param);
  }

  /** Inspections run: each distinct value counts once (for tests). */
  int inspections() {
    return images.byValue.size() + videos.byValue.size();
  }

  private String overBudget() {
    return "not fetched within the request's media budget of " + seconds(budget)
        + " (all media URLs of one request share it)";
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.3f s", millis / 1000.0);
  }

  /** A fetch under way and what to record when it does not end in time. */
  private record Pending(Future<?> future, Runnable onTimeout) {
    void await(long deadlineNanos) {
      try {
        future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        // The budget's reason first: the interrupted fetch records its own ("interrupted"), and the first one stays.
        onTimeout.run();
        future.cancel(true); // interrupts the fetch, which then closes its connection
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        onTimeout.run();
        future.cancel(true);
      } catch (ExecutionException e) {
        throw new IllegalStateException("inspecting a media value failed", e.getCause());
      }
    }
  }

  /**
   * Values longer than this (base64 media, not URLs) are told apart by identity: hashing a 10 MB string costs a
   * pass over it, and the same field's value is the same string every time the request is read. Two equal long
   * values in two fields are then inspected twice, which is correct, only slower.
   */
  private static final int IDENTITY_KEY_LENGTH = 8 * 1024;

  /** A long value, equal only to itself. */
  private record Same(String value) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Same same && same.value == value;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(value);
    }
  }

  private static Object key(String value) {
    return value.length() > IDENTITY_KEY_LENGTH ? new Same(value) : value;
  }

  /** The inspections of one kind of media, by value, and which value each field holds. */
  private final class Kind<T> {
    private final Function<String, Inspection<T>> inspect;
    private final Map<Object, Inspection<T>> byValue = new ConcurrentHashMap<>();
    private final Map<String, String> valueOfParam = new ConcurrentHashMap<>();

    Kind(Function<String, Inspection<T>> inspect) {
      this.inspect = inspect;
    }

    void remember(MediaParam media) {
      valueOfParam.put(media.param(), media.value());
    }

    void submitDistinct(List<MediaParam> values, List<Pending> pending) {
      if (values.isEmpty()) {
        return; // most creates: a text model, or no media of this kind
      }
      Map<Object, String> distinct = new LinkedHashMap<>();
      values.forEach(media -> distinct.putIfAbsent(key(media.value()), media.value()));
      distinct.forEach((key, value) -> {
        Future<?> future = executor.submit(() -> byValue.putIfAbsent(key, inspect.apply(value)));
        pending.add(
            new Pending(
                future,
                () -> byValue.putIfAbsent(key, new Inspection.Unreachable<>(value, overBudget()))));
      });
    }

    Inspection<T> inspection(MediaParam media) {
      remember(media);
      Object key = key(media.value());
      Inspection<T> known = byValue.get(key);
      if (known != null) {
        return known;
      }
      if (!fetching && MediaInspector.isUrl(media.value())) {
        return new Inspection.NotFetched<>(media.value());
      }
      // A value prepare did not see (base64 of a refused request, or a rule reading a field of its own).
      Inspection<T> inspected = inspect.apply(media.value());
      Inspection<T> raced = byValue.putIfAbsent(key, inspected);
      return raced != null ? raced : inspected;
    }

    @SuppressWarnings("unchecked")
    Optional<T> inspected(String param) {
      String value = valueOfParam.get(param);
      return Optional.ofNullable(value == null ? null : byValue.get(key(value)))
          .filter(Inspection.Inspected.class::isInstance)
          .map(inspection -> ((Inspection.Inspected<T>) inspection).info());
    }
  }
}
