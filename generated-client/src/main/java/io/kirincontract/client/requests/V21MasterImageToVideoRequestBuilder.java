package io.kirincontract.client.requests;

import io.kirincontract.client.model.KirinV21MasterI2vRequest;
import io.kirincontract.client.model.VideoGenerationRequest;
import java.util.Objects;

/**
 * {@code kirin_v2_1_master_i2v}: V2.1 Master image to video. The durations it accepts, its output and the
 * server's defaults: {@link #profile()}.
 */
public final class V21MasterImageToVideoRequestBuilder
    extends RequestBuilder<V21MasterImageToVideoRequestBuilder> {


  private String image;
  private String prompt;

  /** A new builder; {@link io.kirincontract.client.KirinRequests} is the usual way in. */
  public V21MasterImageToVideoRequestBuilder() {}

  @Override
  public String model() {
    return KirinV21MasterI2vRequest.ModelEnum.KIRIN_V2_1_MASTER_I2V.getValue();
  }

  /** {@code image}, required: a URL or base64 without a {@code data:} prefix. */
  public V21MasterImageToVideoRequestBuilder image(String urlOrBase64) {
    this.image = Objects.requireNonNull(urlOrBase64, "image");
    return this;
  }

  /** The prompt (its length limit is the spec's, on the generated request class). */
  public V21MasterImageToVideoRequestBuilder prompt(String prompt) {
    this.prompt = Objects.requireNonNull(prompt, "prompt");
    return this;
  }

  @Override
  public VideoGenerationRequest build() {
    // Every field is assigned, null included: null overrides the generated class's default and is not sent.
    KirinV21MasterI2vRequest request =
        new KirinV21MasterI2vRequest()
            .model(KirinV21MasterI2vRequest.ModelEnum.KIRIN_V2_1_MASTER_I2V)
            .image(image)
            .prompt(prompt)
            .duration(GeneratedEnums.of(KirinV21MasterI2vRequest.DurationEnum.class, duration, "duration"))
            .watermarkInfo(watermarkInfo())
            .callbackUrl(callbackUrl)
            .externalTaskId(externalTaskId);
    return new VideoGenerationRequest(request);
  }
}
