package io.kirincontract.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kirincontract.client.KirinClient;
import io.kirincontract.client.KirinRequests;
import io.kirincontract.client.PollingPolicy;
import io.kirincontract.client.errors.KirinAuthenticationException;
import io.kirincontract.client.errors.KirinTaskFailedException;
import io.kirincontract.client.errors.KirinValidationException;
import io.kirincontract.client.model.Task;
import io.kirincontract.client.model.TaskStatus;
import io.kirincontract.client.model.VideoGenerationRequest;
import io.kirincontract.client.requests.AspectRatio;
import io.kirincontract.client.requests.ShotType;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.media.SyntheticMedia;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written client ({@code KirinClient}, {@code KirinRequests}) against the mock, end to end: every model
 * created and awaited to completion; a validation error and a failed task reach the
 * caller as typed exceptions carrying the model's code.
 */
class KirinClientEndToEndTest {

  private static final String KEY = "client-key";
  private static final String IMAGE = KirinRequests.base64(SyntheticMedia.png(1280, 720));

  private static KirinMockServer mock;
  private static KirinClient client;

  @BeforeAll
  static void start() {
    mock = KirinMockServer.start(config -> config.host("127.0.0.1").port(0).apiKeys(KEY).timeScale(20));
    client = KirinClient.builder()
        .baseUrl(mock.baseUrl())
        .apiKey(KEY)
        .pollingPolicy(PollingPolicy.builder().initialInterval(Duration.ofMillis(100))
            .maxInterval(Duration.ofMillis(500)).build())
        .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    mock.close();
  }

  static Stream<Arguments> requests() {
    return Stream.of(
        Arguments.of("kirin_v3_t2v", KirinRequests.v3TextToVideo()
            .multiShot(true).shotType(ShotType.CUSTOMIZE).addShot(1, "Wide shot", "2").addShot(2, "Close-up", "3").duration("5").build()),
        Arguments.of("kirin_video_o1", KirinRequests.videoO1()
            .prompt("<<<element_1>>> walks through <<<image_1>>>").referenceImage(IMAGE).element(829301)
            .aspectRatio(AspectRatio.RATIO_16_9).duration("5").build()),
        Arguments.of("kirin_v3_i2v", KirinRequests.v3ImageToVideo().image(IMAGE).prompt("The camera pulls back").build()),
        Arguments.of("kirin_v2_master_t2v", KirinRequests.v2MasterTextToVideo()
            .prompt("An astronaut plants a flag").duration("10").build()),
        Arguments.of("kirin_v2_1_master_i2v", KirinRequests.v21MasterImageToVideo()
            .image(IMAGE).prompt("Gentle waves").build()));
  }

  @ParameterizedTest(name = "{0}: created through KirinClient, read back, and awaited to completion")
  @MethodSource("requests")
  void createAndAwait(String model, VideoGenerationRequest request) {
    Task created = client.create(request);
    assertThat(created.getStatus()).isEqualTo(TaskStatus.QUEUED);
    assertThat(created.getModel().getValue()).isEqualTo(model);
    assertThat(client.get(created.getId()).getId()).isEqualTo(created.getId());

    Task done = client.awaitSuccess(created, Duration.ofSeconds(60));
    assertThat(done.getStatus()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(done.getOutput().getContent()).isNotEmpty();
  }

  @Test
  @DisplayName("a prompt over 2500 characters is a KirinValidationException with O1's code, param and rule")
  void validationError() {
    VideoGenerationRequest request =
        KirinRequests.videoO1().prompt("a".repeat(2501)).aspectRatio(AspectRatio.RATIO_1_1).build();

    KirinValidationException error = catchThrowableOfType(KirinValidationException.class, () -> client.create(request));

    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.code()).isEqualTo("002015002");
    assertThat(error.param()).contains("prompt");
    assertThat(error.rule()).contains("o1.prompt.max-length");
  }

  @Test
  @DisplayName("a wrong key is a KirinAuthenticationException")
  void wrongKey() {
    try (KirinClient stranger = KirinClient.builder().baseUrl(mock.baseUrl()).apiKey("not-a-key").build()) {
      KirinAuthenticationException error = catchThrowableOfType(KirinAuthenticationException.class,
          () -> stranger.get("task-1"));
      assertThat(error.statusCode()).isEqualTo(401);
      assertThat(error.code()).isEqualTo("unauthorized");
    }
  }

  @Test
  @DisplayName("a task that fails while processing is a KirinTaskFailedException with a generation code of its model")
  void failedTask() throws Exception {
    String body = "{\"model\":\"kirin_v2_master_t2v\",\"prompt\":\"A lighthouse\"}";
    HttpRequest create = HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/v1/videos/generations"))
        .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
        .header("X-Kirin-Mock-Scenario", "fail=002016095@processing")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> created = HttpClient.newHttpClient().send(create, HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    String id = created.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");

    KirinTaskFailedException error =
        catchThrowableOfType(KirinTaskFailedException.class, () -> client.awaitSuccess(id, Duration.ofSeconds(60)));

    assertThat(error.code()).isEqualTo("002016095");
    assertThat(error.task().getStatus()).isEqualTo(TaskStatus.FAILED);
    assertThat(error.task().getOutput()).isNull();
  }
}
