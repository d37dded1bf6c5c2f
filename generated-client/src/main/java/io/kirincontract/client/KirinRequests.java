package io.kirincontract.client;

import io.kirincontract.client.requests.V21MasterImageToVideoRequestBuilder;
import io.kirincontract.client.requests.V2MasterTextToVideoRequestBuilder;
import io.kirincontract.client.requests.V3ImageToVideoRequestBuilder;
import io.kirincontract.client.requests.V3TextToVideoRequestBuilder;
import io.kirincontract.client.requests.VideoO1RequestBuilder;
import java.util.Base64;
import java.util.Objects;

/**
 * Where requests start: one typed builder per model. Each sets {@code model} itself, sends only what you set
 * (the server applies its defaults to the rest) and builds the generated request class wrapped in {@code
 * VideoGenerationRequest}, ready for {@link KirinClient#create}.
 *
 * <pre>{@code
 * VideoGenerationRequest request = KirinRequests.v3TextToVideo()
 *     .prompt("A red fox trots across a snowy meadow")
 *     .duration(Duration.ofSeconds(8))
 *     .build();
 * }</pre>
 */
public final class KirinRequests {

  private KirinRequests() {}

  /** {@code kirin_v3_t2v}: V3 text to video. */
  public static V3TextToVideoRequestBuilder v3TextToVideo() {
    return new V3TextToVideoRequestBuilder();
  }

  /** {@code kirin_video_o1}: the O1 omni model (references, frames, video editing). */
  public static VideoO1RequestBuilder videoO1() {
    return new VideoO1RequestBuilder();
  }

  /** {@code kirin_v3_i2v}: V3 image to video. */
  public static V3ImageToVideoRequestBuilder v3ImageToVideo() {
    return new V3ImageToVideoRequestBuilder();
  }

  /** {@code kirin_v2_master_t2v}: V2 Master text to video. */
  public static V2MasterTextToVideoRequestBuilder v2MasterTextToVideo() {
    return new V2MasterTextToVideoRequestBuilder();
  }

  /** {@code kirin_v2_1_master_i2v}: V2.1 Master image to video. */
  public static V21MasterImageToVideoRequestBuilder v21MasterImageToVideo() {
    return new V21MasterImageToVideoRequestBuilder();
  }

  /** An image's bytes (JPEG or PNG) as the plain base64 the API takes, without any {@code data:} prefix. */
  public static String base64(byte[] image) {
    return Base64.getEncoder().encodeToString(Objects.requireNonNull(image, "image"));
  }
}
