package io.kirincontract.client.requests;

import io.kirincontract.client.model.ElementReference;
import io.kirincontract.client.model.KirinV3I2vRequest;
import io.kirincontract.client.model.VideoGenerationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code kirin_v3_i2v}: V3 image to video from a first frame ({@code image}) and/or an end frame ({@code
 * image_tail}), single or multi-shot, with subjects and sound; no aspect ratio (the output follows the
 * image). The durations it accepts, its modes and the server's defaults: {@link #profile()}.
 */
public final class V3ImageToVideoRequestBuilder extends V3RequestBuilder<V3ImageToVideoRequestBuilder> {


  private String image;
  private String imageTail;
  private final List<ElementReference> elements = new ArrayList<>();

  /** A new builder; {@link io.kirincontract.client.KirinRequests} is the usual way in. */
  public V3ImageToVideoRequestBuilder() {}

  @Override
  public String model() {
    return KirinV3I2vRequest.ModelEnum.KIRIN_V3_I2V.getValue();
  }

  /** {@code image}: the first frame, a URL or base64 without a {@code data:} prefix. */
  public V3ImageToVideoRequestBuilder image(String urlOrBase64) {
    this.image = Objects.requireNonNull(urlOrBase64, "image");
    return this;
  }

  /** {@code image_tail}: the end frame, a URL or base64 without a {@code data:} prefix. */
  public V3ImageToVideoRequestBuilder imageTail(String urlOrBase64) {
    this.imageTail = Objects.requireNonNull(urlOrBase64, "imageTail");
    return this;
  }

  /** Appends a subject of the subject library to {@code element_list} (as many as the spec's {@code element_list} allows). */
  public V3ImageToVideoRequestBuilder element(long elementId) {
    elements.add(new ElementReference().elementId(elementId));
    return this;
  }

  @Override
  public VideoGenerationRequest build() {
    // Every field is assigned, null included: null overrides the generated class's default and is not sent.
    KirinV3I2vRequest request =
        new KirinV3I2vRequest()
            .model(KirinV3I2vRequest.ModelEnum.KIRIN_V3_I2V)
            .image(image)
            .imageTail(imageTail)
            .multiShot(multiShot)
            .shotType(GeneratedEnums.of(KirinV3I2vRequest.ShotTypeEnum.class, value(shotType), "shot_type"))
            .prompt(prompt)
            .multiPrompt(listOrNull(shots))
            .negativePrompt(negativePrompt)
            .elementList(listOrNull(elements))
            .sound(GeneratedEnums.of(KirinV3I2vRequest.SoundEnum.class, onOff(sound), "sound"))
            .mode(GeneratedEnums.of(KirinV3I2vRequest.ModeEnum.class, value(mode), "mode"))
            .duration(GeneratedEnums.of(KirinV3I2vRequest.DurationEnum.class, duration, "duration"))
            .watermarkInfo(watermarkInfo())
            .callbackUrl(callbackUrl)
            .externalTaskId(externalTaskId);
    return new VideoGenerationRequest(request);
  }
}
