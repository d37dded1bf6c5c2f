package io.kirincontract.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kirincontract.client.api.VideoGenerationsApi;
import io.kirincontract.client.invoker.ApiClient;
import io.kirincontract.client.invoker.ApiException;
import io.kirincontract.client.model.ElementReference;
import io.kirincontract.client.model.ErrorResponse;
import io.kirincontract.client.model.KirinV21MasterI2vRequest;
import io.kirincontract.client.model.KirinV2MasterT2vRequest;
import io.kirincontract.client.model.KirinV3I2vRequest;
import io.kirincontract.client.model.KirinV3T2vRequest;
import io.kirincontract.client.model.KirinVideoO1Request;
import io.kirincontract.client.model.MultiPromptShot;
import io.kirincontract.client.model.O1ImageReference;
import io.kirincontract.client.model.Task;
import io.kirincontract.client.model.TaskStatus;
import io.kirincontract.client.model.VideoGenerationRequest;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.media.SyntheticMedia;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated client ({@code io.kirincontract.client}) against the mock, end to end: a task of every model created
 * and read back through the typed API, and a validation error surfaced to the caller with the model's code.
 */
class GeneratedClientEndToEndTest {

  private static final String KEY = "client-key";
  private static final String IMAGE = Base64.getEncoder().encodeToString(SyntheticMedia.png(1280, 720));

  private static KirinMockServer mock;
  private static ApiClient client;
  private static VideoGenerationsApi api;

  @BeforeAll
  static void start() {
    mock = KirinMockServer.start(config -> config.host("127.0.0.1").port(0).apiKeys(KEY).timeScale(20));
    client = new ApiClient();
    client.updateBaseUri(mock.baseUrl());
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + KEY));
    api = new VideoGenerationsApi(client);
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  static Stream<Arguments> requests() {
    return Stream.of(
        Arguments.of("kirin_v3_t2v", new VideoGenerationRequest(new KirinV3T2vRequest()
            .model(KirinV3T2vRequest.ModelEnum.KIRIN_V3_T2V)
            .multiShot(true)
            .shotType(KirinV3T2vRequest.ShotTypeEnum.CUSTOMIZE)
            .multiPrompt(List.of(
                new MultiPromptShot().index(1).prompt("Wide shot").duration("2"),
                new MultiPromptShot().index(2).prompt("Close-up").duration("3")))
            .duration(KirinV3T2vRequest.DurationEnum._5))),
        Arguments.of("kirin_video_o1", new VideoGenerationRequest(new KirinVideoO1Request()
            .model(KirinVideoO1Request.ModelEnum.KIRIN_VIDEO_O1)
            .prompt("<<<element_1>>> walks through <<<image_1>>>")
            .imageList(List.of(new O1ImageReference().imageUrl(IMAGE)))
            .elementList(List.of(new ElementReference().elementId(829301L)))
            .aspectRatio(KirinVideoO1Request.AspectRatioEnum._16_9)
            .duration(KirinVideoO1Request.DurationEnum._5))),
        Arguments.of("kirin_v3_i2v", new VideoGenerationRequest(new KirinV3I2vRequest()
            .model(KirinV3I2vRequest.ModelEnum.KIRIN_V3_I2V)
            .image(IMAGE)
            .prompt("The camera pulls back"))),
        Arguments.of("kirin_v2_master_t2v", new VideoGenerationRequest(new KirinV2MasterT2vRequest()
            .model(KirinV2MasterT2vRequest.ModelEnum.KIRIN_V2_MASTER_T2V)
            .prompt("An astronaut plants a flag")
            .duration(KirinV2MasterT2vRequest.DurationEnum._10))),
        Arguments.of("kirin_v2_1_master_i2v", new VideoGenerationRequest(new KirinV21MasterI2vRequest()
            .model(KirinV21MasterI2vRequest.ModelEnum.KIRIN_V2_1_MASTER_I2V)
            .image(IMAGE)
            .prompt("Gentle waves"))));
  }

  @ParameterizedTest(name = "{0}: created through the client, queued, read back by id and polled to completed")
  @MethodSource("requests")
  void createAndRead(String model, VideoGenerationRequest request) throws ApiException {
    Task created = api.createVideoGeneration(request);

    assertThat(created.getStatus()).isEqualTo(TaskStatus.QUEUED);
    assertThat(created.getModel().getValue()).isEqualTo(model);
    Task read = api.getVideoGeneration(created.getId());
    assertThat(read.getId()).isEqualTo(created.getId());
    assertThat(read.getModel()).isEqualTo(created.getModel());
    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> api.getVideoGeneration(created.getId()).getStatus() == TaskStatus.COMPLETED);
    Task done = api.getVideoGeneration(created.getId());
    assertThat(done.getOutput().getContent()).isNotEmpty();
    assertThat(done.getUsage().getCost()).matches("[0-9]+\\.[0-9]{4}");
  }

  @Test
  @DisplayName("a prompt over 2500 characters reaches the caller as a 400 with O1's seed code and the rule id")
  void validationErrorSurfaces() throws Exception {
    VideoGenerationRequest request = new VideoGenerationRequest(new KirinVideoO1Request()
        .model(KirinVideoO1Request.ModelEnum.KIRIN_VIDEO_O1)
        .prompt("a".repeat(2501))
        .aspectRatio(KirinVideoO1Request.AspectRatioEnum._1_1));

    ApiException error = catchThrowableOfType(ApiException.class, () -> api.createVideoGeneration(request));

    assertThat(error.getCode()).isEqualTo(400);
    ErrorResponse body = client.getObjectMapper().readValue(error.getResponseBody(), ErrorResponse.class);
    assertThat(body.getError().getCode()).isEqualTo("002015002");
    assertThat(body.getError().getRule()).isEqualTo("o1.prompt.max-length");
    assertThat(body.getError().getParam()).isEqualTo("prompt");
  }

  @Test
  @DisplayName("an image under 300 px reaches the caller as a 400 with V2.1's own code 8002009002")
  void mediaErrorSurfaces() throws Exception {
    VideoGenerationRequest request = new VideoGenerationRequest(new KirinV21MasterI2vRequest()
        .model(KirinV21MasterI2vRequest.ModelEnum.KIRIN_V2_1_MASTER_I2V)
        .image(Base64.getEncoder().encodeToString(SyntheticMedia.png(299, 400))));

    ApiException error = catchThrowableOfType(ApiException.class, () -> api.createVideoGeneration(request));

    assertThat(error.getCode()).isEqualTo(400);
    ErrorResponse body = client.getObjectMapper().readValue(error.getResponseBody(), ErrorResponse.class);
    assertThat(body.getError().getCode()).isEqualTo("8002009002");
    assertThat(body.getError().getRule()).isEqualTo("v21i2v.image.min-dimensions");
  }
}
