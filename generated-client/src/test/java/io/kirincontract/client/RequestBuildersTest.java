package io.kirincontract.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.client.model.KirinV2MasterT2vRequest;
import io.kirincontract.client.model.KirinVideoO1Request;
import io.kirincontract.client.model.O1ImageReference;
import io.kirincontract.client.model.VideoGenerationRequest;
import io.kirincontract.client.requests.AspectRatio;
import io.kirincontract.client.requests.Mode;
import io.kirincontract.client.requests.ShotType;
import io.kirincontract.client.requests.VideoReferType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each model's builder, sent through the client to the stub: the body is exactly what was set (the model
 * filled in, no spec default the user did not choose, no null, no empty list), with the bearer key.
 */
class RequestBuildersTest {

  private final StubServer stub = StubServer.start();
  // the bodies as the builders write them: without the external_task_id the client adds by default
  private final KirinClient client =
      Fixtures.client(stub, new ManualTime()).automaticExternalTaskIds(false).build();

  @AfterEach
  void stop() {
    client.close();
    stub.close();
  }

  /** Every request example of the spec, built with the typed builders. */
  private static Map<String, Supplier<VideoGenerationRequest>> specExamples() {
    Map<String, Supplier<VideoGenerationRequest>> examples = new LinkedHashMap<>();
    examples.put(
        "V3T2vSingleShot",
        () -> KirinRequests.v3TextToVideo()
            .prompt("A red fox trots across a snowy meadow at dawn, soft golden light, slow tracking shot")
            .negativePrompt("blurry, low quality")
            .sound(true)
            .mode(Mode.PRO)
            .aspectRatio(AspectRatio.RATIO_16_9)
            .duration(Duration.ofSeconds(8))
            .watermark(true)
            .callbackUrl("https://hooks.example.com/kirin")
            .externalTaskId("order-4711-clip-1")
            .build());
    examples.put(
        "V3T2vMultiShot",
        () -> KirinRequests.v3TextToVideo()
            .multiShot(true)
            .shotType(ShotType.CUSTOMIZE)
            .addShot(1, "Wide shot of a lighthouse on a cliff at dusk", Duration.ofSeconds(3))
            .addShot(2, "Close-up of the lamp starting to turn", "3")
            .addShot(3, "The beam sweeps over a stormy sea", Duration.ofSeconds(4))
            .aspectRatio(AspectRatio.RATIO_9_16)
            .duration("10")
            .build());
    examples.put(
        "O1TextToVideo",
        () -> KirinRequests.videoO1()
            .prompt("A paper boat sails down a rain-soaked street, macro lens")
            .aspectRatio(AspectRatio.RATIO_1_1)
            .duration(Duration.ofSeconds(10))
            .mode(Mode.STD)
            .build());
    examples.put(
        "O1FirstAndEndFrame",
        () -> KirinRequests.videoO1()
            .prompt("The flower in <<<image_1>>> slowly opens until it looks like <<<image_2>>>")
            .firstFrame(example("O1FirstAndEndFrame", "/image_list/0/image_url"))
            .image(
                O1ImageReference.builder()
                    .image(example("O1FirstAndEndFrame", "/image_list/1/image"))
                    .type(O1ImageReference.TypeEnum.END_FRAME)
                    .build())
            .duration("5")
            .build());
    examples.put(
        "O1ImagesAndElements",
        () -> KirinRequests.videoO1()
            .prompt("<<<element_1>>> walks through the scene of <<<image_1>>> in the style of <<<image_2>>>")
            .referenceImage(example("O1ImagesAndElements", "/image_list/0/image_url"))
            .referenceImage(example("O1ImagesAndElements", "/image_list/1/image_url"))
            .element(829301L)
            .aspectRatio(AspectRatio.RATIO_16_9)
            .duration(Duration.ofSeconds(7))
            .build());
    examples.put(
        "O1FeatureVideo",
        () -> KirinRequests.videoO1()
            .prompt("Same camera movement as <<<video_1>>>, with the character of <<<image_1>>>")
            .video("https://media.example.invalid/reference/dolly-zoom.mp4", VideoReferType.FEATURE, false)
            .referenceImage(example("O1FeatureVideo", "/image_list/0/image_url"))
            .aspectRatio(AspectRatio.RATIO_9_16)
            .duration("6")
            .build());
    examples.put(
        "O1VideoEdit",
        () -> KirinRequests.videoO1()
            .prompt("Turn the daylight in <<<video_1>>> into a neon-lit night")
            .video("https://media.example.invalid/input/street.mov", VideoReferType.BASE, true)
            .mode(Mode.PRO)
            .build());
    examples.put(
        "V3I2vFirstAndEndFrame",
        () -> KirinRequests.v3ImageToVideo()
            .image(example("V3I2vFirstAndEndFrame", "/image"))
            .imageTail(example("V3I2vFirstAndEndFrame", "/image_tail"))
            .prompt("The camera pulls back to reveal the whole tower")
            .element(829301L)
            .sound(false)
            .mode(Mode.STD)
            .duration(Duration.ofSeconds(5))
            .build());
    examples.put(
        "V3I2vMultiShot",
        () -> KirinRequests.v3ImageToVideo()
            .image(example("V3I2vMultiShot", "/image"))
            .multiShot(true)
            .shotType(ShotType.CUSTOMIZE)
            .addShot(1, "The cat looks up", "2")
            .addShot(2, "The cat jumps onto the windowsill", "3")
            .duration("5")
            .build());
    examples.put(
        "V2MasterT2v",
        () -> KirinRequests.v2MasterTextToVideo()
            .prompt("An astronaut plants a flag on a glittering ice moon")
            .negativePrompt("text, watermark")
            .aspectRatio(AspectRatio.RATIO_16_9)
            .duration(Duration.ofSeconds(10))
            .build());
    examples.put(
        "V21MasterI2v",
        () -> KirinRequests.v21MasterImageToVideo()
            .image(example("V21MasterI2v", "/image"))
            .prompt("Gentle waves roll in under a blue sky")
            .duration("5")
            .externalTaskId("beach-001")
            .build());
    return examples;
  }

  @TestFactory
  Stream<DynamicTest> eachSpecRequestExampleBuiltWithTheTypedBuilderIsSentExactlyAsTheExample() {
    return specExamples().entrySet().stream()
        .map(
            example ->
                DynamicTest.dynamicTest(
                    "the builder for " + example.getKey() + " sends exactly the example, with the bearer key",
                    () -> {
                      stub.respond(200, Fixtures.task("TaskQueued"));

                      client.create(example.getValue().get());

                      StubServer.Recorded sent = stub.lastRequest();
                      assertThat(sent.method()).isEqualTo("POST");
                      assertThat(sent.path()).isEqualTo("/v1/videos/generations");
                      assertThat(sent.header("Authorization")).isEqualTo("Bearer " + Fixtures.API_KEY);
                      assertThat(Fixtures.json(sent.body())).isEqualTo(SpecFile.example(example.getKey()));
                    }));
  }

  @Test
  void theBuilderExamplesCoverEveryRequestExampleOfTheSpec() {
    assertThat(specExamples().keySet().stream().map(SpecFile::example).toList())
        .containsExactlyInAnyOrderElementsOf(SpecFile.requestExamples().values());
  }

  @Test
  void aRequestWithOnlyTheRequiredFieldsSendsOnlyTheModelAndThoseFields() {
    Map<VideoGenerationRequest, String> minimal = new LinkedHashMap<>();
    minimal.put(
        KirinRequests.v3TextToVideo().prompt("A fox").build(),
        "{\"model\":\"kirin_v3_t2v\",\"prompt\":\"A fox\"}");
    minimal.put(
        KirinRequests.videoO1().prompt("Night in <<<video_1>>>").video("https://v.example/a.mp4").build(),
        "{\"model\":\"kirin_video_o1\",\"prompt\":\"Night in <<<video_1>>>\","
            + "\"video_list\":[{\"video_url\":\"https://v.example/a.mp4\"}]}");
    minimal.put(
        KirinRequests.v3ImageToVideo().imageTail("https://i.example/end.png").build(),
        "{\"model\":\"kirin_v3_i2v\",\"image_tail\":\"https://i.example/end.png\"}");
    minimal.put(
        KirinRequests.v2MasterTextToVideo().prompt("A moon").build(),
        "{\"model\":\"kirin_v2_master_t2v\",\"prompt\":\"A moon\"}");
    minimal.put(
        KirinRequests.v21MasterImageToVideo().image("https://i.example/beach.png").build(),
        "{\"model\":\"kirin_v2_1_master_i2v\",\"image\":\"https://i.example/beach.png\"}");

    for (Map.Entry<VideoGenerationRequest, String> request : minimal.entrySet()) {
      stub.respond(200, Fixtures.task("TaskQueued"));
      client.create(request.getKey());
      assertThat(Fixtures.json(stub.lastRequest().body())).isEqualTo(Fixtures.json(request.getValue()));
    }
  }

  @Test
  void aValueEqualToTheServerDefaultIsSentWhenTheUserChoseIt() {
    stub.respond(200, Fixtures.task("TaskQueued"));

    client.create(KirinRequests.videoO1().prompt("A boat").aspectRatio(AspectRatio.RATIO_1_1).mode(Mode.PRO)
        .duration("5").build());

    assertThat(Fixtures.json(stub.lastRequest().body()))
        .isEqualTo(Fixtures.json("{\"model\":\"kirin_video_o1\",\"prompt\":\"A boat\","
            + "\"aspect_ratio\":\"1:1\",\"mode\":\"pro\",\"duration\":\"5\"}"));
  }

  @Test
  void theBuiltRequestIsTheGeneratedModelWithOnlyTheSetFieldsFilledIn() {
    VideoGenerationRequest request = KirinRequests.videoO1().prompt("A boat").build();

    KirinVideoO1Request o1 = request.getKirinVideoO1Request();
    assertThat(o1.getModel()).isEqualTo(KirinVideoO1Request.ModelEnum.KIRIN_VIDEO_O1);
    assertThat(o1.getPrompt()).isEqualTo("A boat");
    assertThat(o1.getMode()).as("not set, so not the generated default").isNull();
    assertThat(o1.getDuration()).as("not set, so not the generated default").isNull();
    assertThat(o1.getImageList()).isNull();
  }

  @Test
  void aRequestMadeWithTheGeneratedClassesGetsItsModelAndLosesItsNullsButKeepsTheGeneratedDefaults() {
    stub.respond(200, Fixtures.task("TaskQueued"));

    client.create(new VideoGenerationRequest(new KirinV2MasterT2vRequest().prompt("A moon")));

    assertThat(Fixtures.json(stub.lastRequest().body()))
        .isEqualTo(Fixtures.json("{\"model\":\"kirin_v2_master_t2v\",\"prompt\":\"A moon\","
            + "\"aspect_ratio\":\"16:9\",\"duration\":\"5\"}"));
  }

  @Test
  void everyRequestCarriesTheBearerKeyTheUserAgentAndTheJsonContentType() {
    stub.respond(200, Fixtures.task("TaskQueued")).respond(200, Fixtures.task("TaskQueued"));

    client.create(KirinRequests.v2MasterTextToVideo().prompt("A moon").build());
    client.get("task_1");

    assertThat(stub.requests()).hasSize(2).allSatisfy(request -> {
      assertThat(request.header("Authorization")).isEqualTo("Bearer " + Fixtures.API_KEY);
      assertThat(request.header("User-Agent"))
          .matches("kirin-contract-client/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
      assertThat(request.header("Accept")).isEqualTo("application/json");
    });
    assertThat(stub.requests().get(0).header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void aDurationGivenAsDurationOrAsStringIsTheSameOnTheWire() {
    JsonNode asDuration =
        json(KirinRequests.v3TextToVideo().prompt("x").duration(Duration.ofSeconds(12)).build());
    JsonNode asString = json(KirinRequests.v3TextToVideo().prompt("x").duration("12").build());

    assertThat(asDuration).isEqualTo(asString);
    assertThat(asDuration.get("duration").isTextual()).isTrue();
  }

  @Test
  void aDurationTheModelDoesNotListIsRefusedBeforeSendingWithTheAllowedValues() {
    assertThatThrownBy(() -> KirinRequests.v21MasterImageToVideo().duration(Duration.ofSeconds(7)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kirin_v2_1_master_i2v")
        .hasMessageContaining("[5, 10]");
    assertThatThrownBy(() -> KirinRequests.videoO1().duration("11"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[3, 4, 5, 6, 7, 8, 9, 10]");
    assertThatThrownBy(() -> KirinRequests.v3TextToVideo().duration(Duration.ofMillis(5500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole number of seconds");
    assertThat(stub.requests()).isEmpty();
  }

  @Test
  void imageBytesBecomePlainBase64WithoutADataPrefix() {
    assertThat(KirinRequests.base64(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isEqualTo("iVBORw==");
  }

  private static JsonNode json(VideoGenerationRequest request) {
    return Fixtures.json(io.kirincontract.client.requests.RequestBodies.toJson(request));
  }

  private static String example(String name, String pointer) {
    return SpecFile.example(name).at(pointer).asText();
  }
}
