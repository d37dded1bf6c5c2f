package io.kirincontract.client.requests;

import io.kirincontract.client.model.KirinV2MasterT2vRequest;
import io.kirincontract.client.model.VideoGenerationRequest;
import java.util.Objects;

/**
 * {@code kirin_v2_master_t2v}: V2 Master text to video. The durations it accepts, its output and the server's
 * defaults: {@link #profile()}.
 */
public final class V2MasterTextToVideoRequestBuilder
    extends RequestBuilder<V2MasterTextToVideoRequestBuilder> {


  private String prompt;
  private String negativePrompt;
  private AspectRatio aspectRatio;

  /** A new builder; {@link io.kirincontract.client.KirinRequests} is the usual way in. */
  public V2MasterTextToVideoRequestBuilder() {}

  @Override
  public String model() {
    return KirinV2MasterT2vRequest.ModelEnum.KIRIN_V2_MASTER_T2V.getValue();
  }

  /** The prompt, required (its length limits are the spec's, on the generated request class). */
  public V2MasterTextToVideoRequestBuilder prompt(String prompt) {
    this.prompt = Objects.requireNonNull(prompt, "prompt");
    return this;
  }

  /** What must not appear (its length limit is the spec's, on the generated request class). */
  public V2MasterTextToVideoRequestBuilder negativePrompt(String negativePrompt) {
    this.negativePrompt = Objects.requireNonNull(negativePrompt, "negativePrompt");
    return this;
  }

  /** {@code aspect_ratio} of the video. */
  public V2MasterTextToVideoRequestBuilder aspectRatio(AspectRatio aspectRatio) {
    this.aspectRatio = Objects.requireNonNull(aspectRatio, "aspectRatio");
    return this;
  }

  @Override
  public VideoGenerationRequest build() {
    // Every field is assigned, null included: null overrides the generated class's default and is not sent.
    KirinV2MasterT2vRequest request =
        new KirinV2MasterT2vRequest()
            .model(KirinV2MasterT2vRequest.ModelEnum.KIRIN_V2_MASTER_T2V)
            .prompt(prompt)
            .negativePrompt(negativePrompt)
            .aspectRatio(
                GeneratedEnums.of(
                    KirinV2MasterT2vRequest.AspectRatioEnum.class,
                    aspectRatio == null ? null : aspectRatio.value(),
                    "aspect_ratio"))
            .duration(GeneratedEnums.of(KirinV2MasterT2vRequest.DurationEnum.class, duration, "duration"))
            .watermarkInfo(watermarkInfo())
            .callbackUrl(callbackUrl)
            .externalTaskId(externalTaskId);
    return new VideoGenerationRequest(request);
  }
}
