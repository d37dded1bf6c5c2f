package io.kirincontract.client.requests;

import io.kirincontract.client.model.MultiPromptShot;
import io.kirincontract.client.model.VideoGenerationRequest;
import io.kirincontract.client.model.WatermarkInfo;
import io.kirincontract.client.profiles.KirinModelProfile;
import io.kirincontract.client.profiles.KirinModels;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What every model's request builder has: {@code duration}, {@code watermark_info}, {@code callback_url} and
 * {@code external_task_id}. A builder sends only what was set on it: a parameter never set is left out of the
 * JSON, and the server applies its default (see {@link RequestBodies}).
 *
 * <p>Builders check only what the generated classes cannot hold (a duration the model does not list, a
 * fractional duration); every other rule is the server's, which answers with the rule id.
 *
 * @param <B> the concrete builder
 */
public abstract class RequestBuilder<B extends RequestBuilder<B>> {

  String duration;
  Boolean watermark;
  URI callbackUrl;
  String externalTaskId;

  RequestBuilder() {}

  /** The model id this builder sets, such as {@code kirin_v3_t2v}. */
  public abstract String model();

  /**
   * The facts of this builder's model as the spec states them: durations and the default, modes with their
   * output resolution, task kinds, prices, media limits ({@link KirinModels#profile(String)}).
   */
  public final KirinModelProfile profile() {
    return KirinModels.profile(model());
  }

  /**
   * The durations in seconds this model accepts, as the spec lists them and as on the wire: {@link
   * KirinModelProfile#durations() profile().durations()}. The server's default, for a request that sets none, is
   * {@link KirinModelProfile#defaultDuration() profile().defaultDuration()}; a task kind may take fewer ({@link
   * KirinModelProfile#durationsFor(String)}).
   */
  public final List<String> allowedDurations() {
    return profile().durations();
  }

  /** The request: the model's generated request class, wrapped; only what was set is non-null in it. */
  public abstract VideoGenerationRequest build();

  /**
   * Video duration in whole seconds.
   *
   * @throws IllegalArgumentException if it is not whole seconds or not one of {@link #allowedDurations()}
   */
  public B duration(Duration duration) {
    return duration(seconds(duration, "duration"));
  }

  /**
   * Video duration in whole seconds, as on the wire.
   *
   * @throws IllegalArgumentException if it is not one of {@link #allowedDurations()}
   */
  public B duration(String seconds) {
    Objects.requireNonNull(seconds, "duration");
    if (!allowedDurations().contains(seconds)) {
      throw new IllegalArgumentException(
          model() + " duration must be one of " + allowedDurations() + " seconds, not \"" + seconds + "\"");
    }
    this.duration = seconds;
    return self();
  }

  /** {@code watermark_info.enabled}: also produce a watermarked result beside the plain one. */
  public B watermark(boolean enabled) {
    this.watermark = enabled;
    return self();
  }

  /** {@code callback_url}: notified with the Task on every status change (see {@code KirinCallbacks}). */
  public B callbackUrl(URI callbackUrl) {
    this.callbackUrl = Objects.requireNonNull(callbackUrl, "callbackUrl");
    return self();
  }

  /** {@code callback_url}, parsed with {@link URI#create(String)}. */
  public B callbackUrl(String callbackUrl) {
    return callbackUrl(URI.create(Objects.requireNonNull(callbackUrl, "callbackUrl")));
  }

  /**
   * {@code external_task_id}: your own id for the task, unique per key. It also makes {@code create} safe to
   * retry after a timeout (the client resolves a {@code 409} on a retry by fetching the task by this id).
   */
  public B externalTaskId(String externalTaskId) {
    this.externalTaskId = Objects.requireNonNull(externalTaskId, "externalTaskId");
    return self();
  }

  @SuppressWarnings("unchecked")
  final B self() {
    return (B) this;
  }

  final WatermarkInfo watermarkInfo() {
    return watermark == null ? null : new WatermarkInfo().enabled(watermark);
  }

  static String seconds(Duration duration, String what) {
    Objects.requireNonNull(duration, what);
    if (duration.isNegative() || duration.getNano() != 0) {
      throw new IllegalArgumentException(what + " must be a whole number of seconds, not " + duration);
    }
    return Long.toString(duration.getSeconds());
  }

  static MultiPromptShot shot(int index, String prompt, String duration) {
    return new MultiPromptShot()
        .index(index)
        .prompt(Objects.requireNonNull(prompt, "shot prompt"))
        .duration(Objects.requireNonNull(duration, "shot duration"));
  }

  /** A copy of a list for the generated class, or {@code null} (not sent) when nothing was added. */
  static <T> List<T> listOrNull(List<T> items) {
    return items.isEmpty() ? null : new ArrayList<>(items);
  }
}
