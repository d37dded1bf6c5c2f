package io.kirincontract.conformance.portability;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.media.SyntheticMedia;
import io.kirincontract.portability.okhttp.api.VideoGenerationsApi;
import io.kirincontract.portability.okhttp.invoker.ApiClient;
import io.kirincontract.portability.okhttp.model.KirinV21MasterI2vRequest;
import io.kirincontract.portability.okhttp.model.KirinV2MasterT2vRequest;
import io.kirincontract.portability.okhttp.model.KirinV3I2vRequest;
import io.kirincontract.portability.okhttp.model.KirinV3T2vRequest;
import io.kirincontract.portability.okhttp.model.KirinVideoO1Request;
import io.kirincontract.portability.okhttp.model.Task;
import io.kirincontract.portability.okhttp.model.TaskStatus;
import io.kirincontract.portability.okhttp.model.VideoGenerationRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Portability: a client that OpenAPI Generator's {@code java} generator writes with the {@code okhttp-gson} library
 * and its defaults (unset lists sent as {@code []}, responses checked for fields the spec does not declare) runs one
 * task of every model to {@code completed} against the mock. The client is generated from the spec into this
 * module's test sources by the build ({@code portability-okhttp-gson} in the pom).
 */
class OkHttpGsonClientTest {

  private static KirinMockServer server;
  private static VideoGenerationsApi api;

  @BeforeAll
  static void start() {
    server = KirinMockServer.start(config -> config.port(0).manualClock(Instant.parse("2026-12-02T10:00:00Z")));
    ApiClient client = new ApiClient();
    client.setBasePath(server.baseUrl());
    client.setBearerToken("okhttp-gson");
    api = new VideoGenerationsApi(client);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @TestFactory
  Stream<DynamicTest> oneTaskOfEveryModelRunsToCompletedWithTheGeneratedClient() {
    String image = Base64.getEncoder().encodeToString(SyntheticMedia.png(1280, 720));
    Map<String, Object> requests =
        Map.of(
            "kirin_v3_t2v",
            new KirinV3T2vRequest().model(KirinV3T2vRequest.ModelEnum.KIRIN_V3_T2V).prompt("A red fox in the snow"),
            "kirin_v3_i2v",
            new KirinV3I2vRequest().model(KirinV3I2vRequest.ModelEnum.KIRIN_V3_I2V).image(image).prompt("It wakes"),
            "kirin_video_o1",
            new KirinVideoO1Request()
                .model(KirinVideoO1Request.ModelEnum.KIRIN_VIDEO_O1)
                .prompt("A paper boat")
                .aspectRatio(KirinVideoO1Request.AspectRatioEnum._16_9),
            "kirin_v2_master_t2v",
            new KirinV2MasterT2vRequest().model(KirinV2MasterT2vRequest.ModelEnum.KIRIN_V2_MASTER_T2V).prompt("A flag"),
            "kirin_v2_1_master_i2v",
            new KirinV21MasterI2vRequest().model(KirinV21MasterI2vRequest.ModelEnum.KIRIN_V2_1_MASTER_I2V).image(image));
    return requests.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(
            entry ->
                DynamicTest.dynamicTest(
                    entry.getKey() + " is created, polled and completed through the okhttp-gson client",
                    () -> {
                      Task created = api.createVideoGeneration(new VideoGenerationRequest(entry.getValue()));
                      assertThat(created.getStatus()).isEqualTo(TaskStatus.QUEUED);
                      assertThat(created.getModel()).hasToString(entry.getKey());

                      server.manualClock().advance(Duration.ofHours(1));
                      Task done = api.getVideoGeneration(created.getId());

                      assertThat(done.getStatus()).isEqualTo(TaskStatus.COMPLETED);
                      assertThat(done.getOutput().getContent()).isNotEmpty();
                    }));
  }
}
