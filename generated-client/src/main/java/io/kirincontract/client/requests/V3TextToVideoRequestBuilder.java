package io.kirincontract.client.requests;

import io.kirincontract.client.model.KirinV3T2vRequest;
import io.kirincontract.client.model.VideoGenerationRequest;
import java.util.Objects;

/**
 * {@code kirin_v3_t2v}: V3 text to video, single or multi-shot, with sound. The durations it accepts, its modes
 * and the server's defaults: {@link #profile()}.
 */
public final class V3TextToVideoRequestBuilder extends V3RequestBuilder<V3TextToVideoRequestBuilder> {


  private AspectRatio aspectRatio;

  /** A new builder; {@link io.kirincontract.client.KirinRequests} is the usual way in. */
  public V3TextToVideoRequestBuilder() {}

  @Override
  public String model() {
    return KirinV3T2vRequest.ModelEnum.KIRIN_V3_T2V.getValue();
  }

  /** {@code aspect_ratio} of the video. */
  public V3TextToVideoRequestBuilder aspectRatio(AspectRatio aspectRatio) {
    this.aspectRatio = Objects.requireNonNull(aspectRatio, "aspectRatio");
    return this;
  }

  @Override
  public VideoGenerationRequest build() {
    // Every field is assigned, null included: null overrides the generated class's default and is not sent.
    KirinV3T2vRequest request =
        new KirinV3T2vRequest()
            .model(KirinV3T2vRequest.ModelEnum.KIRIN_V3_T2V)
            .multiShot(multiShot)
            .shotType(GeneratedEnums.of(KirinV3T2vRequest.ShotTypeEnum.class, value(shotType), "shot_type"))
            .prompt(prompt)
            .multiPrompt(listOrNull(shots))
            .negativePrompt(negativePrompt)
            .sound(GeneratedEnums.of(KirinV3T2vRequest.SoundEnum.class, onOff(sound), "sound"))
            .mode(GeneratedEnums.of(KirinV3T2vRequest.ModeEnum.class, value(mode), "mode"))
            .aspectRatio(
                GeneratedEnums.of(
                    KirinV3T2vRequest.AspectRatioEnum.class,
                    aspectRatio == null ? null : aspectRatio.value(),
                    "aspect_ratio"))
            .duration(GeneratedEnums.of(KirinV3T2vRequest.DurationEnum.class, duration, "duration"))
            .watermarkInfo(watermarkInfo())
            .callbackUrl(callbackUrl)
            .externalTaskId(externalTaskId);
    return new VideoGenerationRequest(request);
  }
}
