package io.kirincontract.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.client.model.ElementReference;
import io.kirincontract.client.model.KirinV21MasterI2vRequest;
import io.kirincontract.client.model.KirinV2MasterT2vRequest;
import io.kirincontract.client.model.KirinV3I2vRequest;
import io.kirincontract.client.model.KirinV3T2vRequest;
import io.kirincontract.client.model.KirinVideoO1Request;
import io.kirincontract.client.model.MultiPromptShot;
import io.kirincontract.client.model.O1ImageReference;
import io.kirincontract.client.model.O1VideoReference;
import io.kirincontract.client.model.VideoGenerationRequest;
import io.kirincontract.client.model.WatermarkInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Requests built with the generated model classes go out as the spec's examples describe them. Each
 * request mirrors one example of the spec (the long base64 images are taken from the example itself);
 * the expected JSON is that example plus the defaults of the properties it leaves out, which the generated
 * classes always send (DESIGN §5).
 */
class RequestSerializationTest {

  @Test
  void aV3TextToVideoSingleShotRequestIsWrittenAsTheSpecExample() {
    KirinV3T2vRequest request =
        KirinV3T2vRequest.builder()
            .model(KirinV3T2vRequest.ModelEnum.KIRIN_V3_T2V)
            .prompt("A red fox trots across a snowy meadow at dawn, soft golden light, slow tracking shot")
            .negativePrompt("blurry, low quality")
            .sound(KirinV3T2vRequest.SoundEnum.ON)
            .mode(KirinV3T2vRequest.ModeEnum.PRO)
            .aspectRatio(KirinV3T2vRequest.AspectRatioEnum._16_9)
            .duration(KirinV3T2vRequest.DurationEnum._8)
            .watermarkInfo(WatermarkInfo.builder().enabled(true).build())
            .callbackUrl(URI.create("https://hooks.example.com/kirin"))
            .externalTaskId("order-4711-clip-1")
            .build();

    assertWrittenAsExample(new VideoGenerationRequest(request), "V3T2vSingleShot");
  }

  @Test
  void aV3TextToVideoMultiShotRequestIsWrittenAsTheSpecExample() {
    KirinV3T2vRequest request =
        KirinV3T2vRequest.builder()
            .model(KirinV3T2vRequest.ModelEnum.KIRIN_V3_T2V)
            .multiShot(true)
            .shotType(KirinV3T2vRequest.ShotTypeEnum.CUSTOMIZE)
            .multiPrompt(
                List.of(
                    shot(1, "Wide shot of a lighthouse on a cliff at dusk", "3"),
                    shot(2, "Close-up of the lamp starting to turn", "3"),
                    shot(3, "The beam sweeps over a stormy sea", "4")))
            .aspectRatio(KirinV3T2vRequest.AspectRatioEnum._9_16)
            .duration(KirinV3T2vRequest.DurationEnum._10)
            .build();

    assertWrittenAsExample(new VideoGenerationRequest(request), "V3T2vMultiShot");
  }

  @Test
  void anO1RequestWithReferenceImagesAndAnElementIsWrittenAsTheSpecExample() {
    JsonNode example = SpecFile.example("O1ImagesAndElements");
    KirinVideoO1Request request =
        KirinVideoO1Request.builder()
            .model(KirinVideoO1Request.ModelEnum.KIRIN_VIDEO_O1)
            .prompt("<<<element_1>>> walks through the scene of <<<image_1>>> in the style of <<<image_2>>>")
            .imageList(
                List.of(
                    O1ImageReference.builder().imageUrl(example.at("/image_list/0/image_url").asText()).build(),
                    O1ImageReference.builder().imageUrl(example.at("/image_list/1/image_url").asText()).build()))
            .elementList(List.of(ElementReference.builder().elementId(829301L).build()))
            .aspectRatio(KirinVideoO1Request.AspectRatioEnum._16_9)
            .duration(KirinVideoO1Request.DurationEnum._7)
            .build();

    assertWrittenAsExample(new VideoGenerationRequest(request), "O1ImagesAndElements");
  }

  @Test
  void anO1RequestWithAFeatureVideoIsWrittenAsTheSpecExample() {
    JsonNode example = SpecFile.example("O1FeatureVideo");
    KirinVideoO1Request request =
        KirinVideoO1Request.builder()
            .model(KirinVideoO1Request.ModelEnum.KIRIN_VIDEO_O1)
            .prompt("Same camera movement as <<<video_1>>>, with the character of <<<image_1>>>")
            .videoList(
                List.of(
                    O1VideoReference.builder()
                        .videoUrl("https://media.example.invalid/reference/dolly-zoom.mp4")
                        .referType(O1VideoReference.ReferTypeEnum.FEATURE)
                        .keepOriginalSound(O1VideoReference.KeepOriginalSoundEnum.NO)
                        .build()))
            .imageList(
                List.of(O1ImageReference.builder().imageUrl(example.at("/image_list/0/image_url").asText()).build()))
            .aspectRatio(KirinVideoO1Request.AspectRatioEnum._9_16)
            .duration(KirinVideoO1Request.DurationEnum._6)
            .build();

    assertWrittenAsExample(new VideoGenerationRequest(request), "O1FeatureVideo");
  }

  @Test
  void aV3ImageToVideoMultiShotRequestIsWrittenAsTheSpecExample() {
    JsonNode example = SpecFile.example("V3I2vMultiShot");
    KirinV3I2vRequest request =
        KirinV3I2vRequest.builder()
            .model(KirinV3I2vRequest.ModelEnum.KIRIN_V3_I2V)
            .image(example.get("image").asText())
            .multiShot(true)
            .shotType(KirinV3I2vRequest.ShotTypeEnum.CUSTOMIZE)
            .multiPrompt(
                List.of(shot(1, "The cat looks up", "2"), shot(2, "The cat jumps onto the windowsill", "3")))
            .duration(KirinV3I2vRequest.DurationEnum._5)
            .build();

    assertWrittenAsExample(new VideoGenerationRequest(request), "V3I2vMultiShot");
  }

  @Test
  void aV2MasterTextToVideoRequestIsWrittenAsTheSpecExample() {
    KirinV2MasterT2vRequest request =
        KirinV2MasterT2vRequest.builder()
            .model(KirinV2MasterT2vRequest.ModelEnum.KIRIN_V2_MASTER_T2V)
            .prompt("An astronaut plants a flag on a glittering ice moon")
            .negativePrompt("text, watermark")
            .aspectRatio(KirinV2MasterT2vRequest.AspectRatioEnum._16_9)
            .duration(KirinV2MasterT2vRequest.DurationEnum._10)
            .build();

    assertWrittenAsExample(new VideoGenerationRequest(request), "V2MasterT2v");
  }

  @Test
  void aV21MasterImageToVideoRequestIsWrittenAsTheSpecExample() {
    JsonNode example = SpecFile.example("V21MasterI2v");
    KirinV21MasterI2vRequest request =
        KirinV21MasterI2vRequest.builder()
            .model(KirinV21MasterI2vRequest.ModelEnum.KIRIN_V2_1_MASTER_I2V)
            .image(example.get("image").asText())
            .prompt("Gentle waves roll in under a blue sky")
            .duration(KirinV21MasterI2vRequest.DurationEnum._5)
            .externalTaskId("beach-001")
            .build();

    assertWrittenAsExample(new VideoGenerationRequest(request), "V21MasterI2v");
  }

  @Test
  void listsThatWereNotSetAreNotSentEvenAsEmptyLists() {
    KirinVideoO1Request o1 =
        KirinVideoO1Request.builder()
            .model(KirinVideoO1Request.ModelEnum.KIRIN_VIDEO_O1)
            .prompt("A paper boat sails down a rain-soaked street, macro lens")
            .aspectRatio(KirinVideoO1Request.AspectRatioEnum._1_1)
            .build();
    KirinV3I2vRequest v3i2v =
        KirinV3I2vRequest.builder()
            .model(KirinV3I2vRequest.ModelEnum.KIRIN_V3_I2V)
            .imageTail("https://media.example.invalid/end.png")
            .prompt("The door closes")
            .build();

    assertThat(fieldNames(Json.written(new VideoGenerationRequest(o1))))
        .contains("prompt")
        .doesNotContain("image_list", "video_list", "element_list");
    assertThat(fieldNames(Json.written(new VideoGenerationRequest(v3i2v))))
        .contains("image_tail")
        .doesNotContain("multi_prompt", "element_list", "image");
  }

  @Test
  void propertiesWithASpecDefaultAreAlwaysSentWithThatDefault() {
    KirinV3T2vRequest request =
        KirinV3T2vRequest.builder().model(KirinV3T2vRequest.ModelEnum.KIRIN_V3_T2V).prompt("A fox").build();

    JsonNode written = Json.written(new VideoGenerationRequest(request));

    assertThat(written.get("multi_shot").asBoolean()).isFalse();
    assertThat(written.get("sound").asText()).isEqualTo("off");
    assertThat(written.get("mode").asText()).isEqualTo("std");
    assertThat(written.get("aspect_ratio").asText()).isEqualTo("16:9");
    assertThat(written.get("duration").asText()).isEqualTo("5");
  }

  private static void assertWrittenAsExample(VideoGenerationRequest request, String example) {
    JsonNode written = Json.written(request);

    assertThat(Json.nulls(written)).as("nulls in %s", written).isEmpty();
    assertThat(written).isEqualTo(SpecFile.requestWithDefaults(SpecFile.example(example)));
  }

  private static List<String> fieldNames(JsonNode json) {
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static MultiPromptShot shot(int index, String prompt, String duration) {
    return MultiPromptShot.builder().index(index).prompt(prompt).duration(duration).build();
  }
}
