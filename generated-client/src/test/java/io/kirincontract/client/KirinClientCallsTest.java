package io.kirincontract.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kirincontract.client.model.ModelId;
import io.kirincontract.client.model.Task;
import io.kirincontract.client.model.TaskStatus;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The three operations on their happy paths, and the client's builder. */
class KirinClientCallsTest {

  private final StubServer stub = StubServer.start();
  private final KirinClient client = Fixtures.client(stub, new ManualTime()).build();

  @AfterEach
  void stop() {
    client.close();
    stub.close();
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void createPostsTheRequestAndReturnsTheQueuedTask(CallPath path) {
    stub.respond(200, Fixtures.task("TaskQueued"));

    Task task = path.call(
        () -> client.create(KirinRequests.v3TextToVideo().prompt("A fox").build()),
        () -> client.createAsync(KirinRequests.v3TextToVideo().prompt("A fox").build()));

    assertThat(task.getId()).isEqualTo("task_01JDX8Z6Q2W3E4R5T6Y7U8I9O0");
    assertThat(task.getStatus()).isEqualTo(TaskStatus.QUEUED);
    assertThat(task.getModel()).isEqualTo(ModelId.KIRIN_V3_T2V);
    assertThat(stub.lastRequest().method()).isEqualTo("POST");
    assertThat(stub.lastRequest().path()).isEqualTo("/v1/videos/generations");
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void getFetchesTheTaskByItsId(CallPath path) {
    stub.respond(200, Fixtures.task("TaskCompleted"));

    Task task = path.call(() -> client.get("task_01JDX8Z6Q2W3E4R5T6Y7U8I9O0"),
        () -> client.getAsync("task_01JDX8Z6Q2W3E4R5T6Y7U8I9O0"));

    assertThat(task.getStatus()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(TaskResults.videoUrl(task)).hasValueSatisfying(url -> assertThat(url).hasPath(
        "/files/task_01JDX8Z6Q2W3E4R5T6Y7U8I9O0/video.mp4"));
    assertThat(stub.lastRequest().method()).isEqualTo("GET");
    assertThat(stub.lastRequest().path()).isEqualTo("/v1/videos/generations/task_01JDX8Z6Q2W3E4R5T6Y7U8I9O0");
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void getByExternalIdFetchesTheTaskByTheCallersIdEncodedInThePath(CallPath path) {
    stub.respond(200, Fixtures.task("TaskProcessing"));

    Task task = path.call(() -> client.getByExternalId("order 4711/clip-1"),
        () -> client.getByExternalIdAsync("order 4711/clip-1"));

    assertThat(task.getExternalTaskId()).isEqualTo("order-4711-clip-1");
    assertThat(stub.lastRequest().path()).isEqualTo("/v1/videos/generations/external/order%204711%2Fclip-1");
  }

  @Test
  void aBaseUrlWithAPathPrefixAndATrailingSlashIsHonoured() {
    stub.respond(200, Fixtures.task("TaskProcessing"));
    try (KirinClient prefixed = Fixtures.client(stub.baseUrl() + "/kirin/", new ManualTime()).build()) {
      prefixed.get("task_1");
    }

    assertThat(stub.lastRequest().path()).isEqualTo("/kirin/v1/videos/generations/task_1");
  }

  @Test
  void aGivenHttpClientIsUsedForTheCalls() {
    stub.respond(200, Fixtures.task("TaskProcessing"));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (KirinClient custom = Fixtures.client(stub, new ManualTime()).httpClient(http).build()) {
      assertThat(custom.get("task_1").getStatus()).isEqualTo(TaskStatus.PROCESSING);
    }
  }

  @Test
  void theBuilderRequiresABaseUrlAndAnApiKeyAndRefusesConflictingSettings() {
    assertThatThrownBy(() -> KirinClient.builder().apiKey("k").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("baseUrl");
    assertThatThrownBy(() -> KirinClient.builder().baseUrl("http://localhost:1").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("apiKey");
    assertThatThrownBy(() -> KirinClient.builder().baseUrl("localhost:8080"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KirinClient.builder().apiKey(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KirinClient.builder().baseUrl("http://localhost:1").apiKey("k")
            .httpClient(HttpClient.newHttpClient()).connectTimeout(Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("connectTimeout");
  }

  @Test
  void blankIdsAreRefusedWithoutARequest() {
    assertThatThrownBy(() -> client.get(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.getByExternalIdAsync("")).isInstanceOf(IllegalArgumentException.class);
    assertThat(stub.requests()).isEmpty();
  }

  @Test
  void theClientsTextNamesTheServerButNotTheKey() {
    assertThat(client.toString()).contains(stub.baseUrl()).doesNotContain(Fixtures.API_KEY);
  }
}
