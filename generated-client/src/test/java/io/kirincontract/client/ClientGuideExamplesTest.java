package io.kirincontract.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.client.errors.ErrorMapping;
import io.kirincontract.client.errors.KirinApiException;
import io.kirincontract.client.errors.KirinErrorCode;
import io.kirincontract.client.errors.KirinRateLimitException;
import io.kirincontract.client.errors.KirinSignatureException;
import io.kirincontract.client.errors.KirinTaskFailedException;
import io.kirincontract.client.errors.KirinValidationException;
import io.kirincontract.client.model.Task;
import io.kirincontract.client.model.TaskStatus;
import io.kirincontract.client.model.VideoGenerationRequest;
import io.kirincontract.client.profiles.KirinModelProfile;
import io.kirincontract.client.profiles.KirinModels;
import io.kirincontract.client.requests.AspectRatio;
import io.kirincontract.client.requests.Mode;
import io.kirincontract.client.requests.RequestBodies;
import io.kirincontract.client.requests.ShotType;
import io.kirincontract.client.requests.VideoReferType;
import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.ModelProfile;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The samples of {@code docs/client-guide.md}, compiled and run against the local stub. Each sample is the
 * code between a {@code // guide:begin} and a {@code // guide:end} line; the last tests check that the
 * guide's Java blocks are exactly these samples, and that its error table agrees with {@link ErrorMapping}
 * and the catalog.
 */
class ClientGuideExamplesTest {

  private static final Path GUIDE = Path.of("..", "docs", "client-guide.md");
  private static final Path SOURCE =
      Path.of("src", "test", "java", "io", "kirincontract", "client", "ClientGuideExamplesTest.java");

  private final ManualTime time = new ManualTime();
  private final StubServer stub = StubServer.start();
  private final String baseUrl = stub.baseUrl();
  private final KirinClient client = Fixtures.client(stub, time).build();

  @AfterEach
  void stop() {
    client.close();
    stub.close();
  }

  @Test
  void buildAClient() {
    stub.respond(200, Fixtures.task("TaskProcessing"));

    // guide:begin
    try (KirinClient client = KirinClient.builder()
        .baseUrl(baseUrl) // for example "http://localhost:8080"
        .apiKey("my-api-key")
        .connectTimeout(Duration.ofSeconds(5))
        .requestTimeout(Duration.ofSeconds(30))
        .retryPolicy(RetryPolicy.builder().maxAttempts(5).build())
        .build()) {
      Task task = client.get("task_01JDX8Z6Q2W3E4R5T6Y7U8I9O0");
    }
    // guide:end

    assertThat(stub.lastRequest().header("Authorization")).isEqualTo("Bearer my-api-key");
  }

  @Test
  void createAndWait() {
    stub.respond(200, Fixtures.task("TaskQueued"))
        .respond(200, Fixtures.task("TaskProcessing"))
        .respond(200, Fixtures.task("TaskCompleted"));

    // guide:begin
    VideoGenerationRequest request = KirinRequests.v3TextToVideo()
        .prompt("A red fox trots across a snowy meadow at dawn")
        .mode(Mode.PRO)
        .duration(Duration.ofSeconds(8))
        .build();

    Task task = client.create(request); // queued
    List<TaskStatus> seen = new ArrayList<>();
    Task done = client.awaitCompletion(task, Duration.ofMinutes(10),
        progress -> seen.add(progress.getStatus()));

    if (TaskResults.isCompleted(done)) {
      URI video = TaskResults.videoUrl(done).orElseThrow();
    } else {
      Optional<KirinErrorCode> why = TaskResults.errorCode(done); // e.g. O1_INTERNAL_GENERATION_ERROR
    }
    // guide:end

    assertThat(seen).containsExactly(TaskStatus.QUEUED, TaskStatus.PROCESSING, TaskStatus.COMPLETED);
    com.fasterxml.jackson.databind.node.ObjectNode sent =
        (com.fasterxml.jackson.databind.node.ObjectNode) Fixtures.json(stub.requests().get(0).body());
    assertThat(sent.remove("external_task_id").asText()).startsWith("kirin-client-");
    assertThat(sent).isEqualTo(Fixtures.json(
        "{\"model\":\"kirin_v3_t2v\",\"prompt\":\"A red fox trots across a snowy meadow at dawn\","
            + "\"mode\":\"pro\",\"duration\":\"8\"}"));
  }

  @Test
  void requestsForEachModel() {
    String firstFrameBase64 = KirinRequests.base64(new byte[] {1, 2, 3});

    // guide:begin
    VideoGenerationRequest multiShot = KirinRequests.v3TextToVideo()
        .multiShot(true)
        .shotType(ShotType.CUSTOMIZE)
        .addShot(1, "Wide shot of a lighthouse at dusk", Duration.ofSeconds(4))
        .addShot(2, "The beam sweeps over a stormy sea", Duration.ofSeconds(6))
        .aspectRatio(AspectRatio.RATIO_9_16)
        .duration("10")
        .build();

    VideoGenerationRequest o1References = KirinRequests.videoO1()
        .prompt("<<<element_1>>> walks through <<<image_1>>>")
        .referenceImage("https://media.example.com/scene.png")
        .element(829301L)
        .aspectRatio(AspectRatio.RATIO_16_9)
        .duration(Duration.ofSeconds(7))
        .build();

    VideoGenerationRequest o1Edit = KirinRequests.videoO1()
        .prompt("Turn the daylight in <<<video_1>>> into a neon-lit night")
        .video("https://media.example.com/street.mov", VideoReferType.BASE, true)
        .build(); // no duration: an edit takes the input video's

    VideoGenerationRequest v3FromFrames = KirinRequests.v3ImageToVideo()
        .image(firstFrameBase64) // base64 without "data:" prefix, or a URL
        .imageTail("https://media.example.com/end.png")
        .prompt("The camera pulls back")
        .sound(true)
        .build();

    VideoGenerationRequest v2 = KirinRequests.v2MasterTextToVideo()
        .prompt("An astronaut plants a flag on an ice moon")
        .negativePrompt("text, watermark")
        .duration("10")
        .watermark(true)
        .callbackUrl("https://hooks.example.com/kirin")
        .build();

    VideoGenerationRequest v21 = KirinRequests.v21MasterImageToVideo()
        .image("https://media.example.com/beach.png")
        .prompt("Gentle waves roll in")
        .externalTaskId("beach-001")
        .build();
    // guide:end

    assertThat(Fixtures.json(RequestBodies.toJson(o1Edit))).isEqualTo(Fixtures.json("{"
        + "\"model\":\"kirin_video_o1\","
        + "\"prompt\":\"Turn the daylight in <<<video_1>>> into a neon-lit night\","
        + "\"video_list\":[{\"video_url\":\"https://media.example.com/street.mov\","
        + "\"refer_type\":\"base\",\"keep_original_sound\":\"yes\"}]}"));
    assertThat(List.of(multiShot, o1References, v3FromFrames, v2, v21))
        .allSatisfy(request -> assertThat(RequestBodies.toJson(request)).doesNotContain("null"));
  }

  @Test
  void readTheModelProfiles() {
    // guide:begin
    KirinModelProfile o1 = KirinModels.profile("kirin_video_o1"); // or KirinModels.KIRIN_VIDEO_O1
    List<String> durations = o1.durations(); // what duration(...) accepts, as on the wire
    Optional<String> unset = o1.defaultDuration(); // what the server takes when none is sent
    String resolution = o1.output().resolution("pro").orElseThrow(); // of the video a pro task makes
    List<String> textToVideo = o1.durationsFor("text_to_video"); // a task kind may take fewer
    BigDecimal perSecond = o1.prices().perSecond("pro"); // USD per second of output
    Optional<String> minFps = o1.limit("o1.video.fps", "min-fps"); // a media limit, by rule id

    List<String> same = KirinRequests.videoO1().allowedDurations(); // the builder reads the same profile
    // guide:end

    ModelProfile spec = KirinSpec.load().profile("kirin_video_o1");
    assertThat(o1).isSameAs(KirinModels.KIRIN_VIDEO_O1);
    assertThat(same).isEqualTo(durations).isNotEmpty();
    assertThat(unset).isEqualTo(spec.defaultOf("duration"));
    assertThat(resolution).isEqualTo(spec.output().resolutions().get("pro"));
    assertThat(textToVideo).isEqualTo(spec.taskKind("text_to_video").orElseThrow().durations());
    assertThat(perSecond).isEqualTo(spec.prices().perSecond("pro"));
    assertThat(minFps).contains(KirinSpec.load().rule("o1.video.fps").orElseThrow().limits().get("min-fps"));
  }

  @Test
  void whatGoesOnTheWire() {
    // guide:begin
    VideoGenerationRequest request = KirinRequests.videoO1().prompt("A paper boat").build();

    String json = RequestBodies.toJson(request);
    // {"model":"kirin_video_o1","prompt":"A paper boat"}: no "mode", no "duration", no nulls
    // guide:end

    assertThat(json).isEqualTo("{\"model\":\"kirin_video_o1\",\"prompt\":\"A paper boat\"}");
  }

  @Test
  void awaitSuccessOrCatchTheFailure() {
    stub.respond(200, Fixtures.task("TaskFailed"));
    Task task = KirinCallbacks.parse(Fixtures.task("task_01JDXB7N8M9L0K1J2H3G4F5D6S", "processing"));
    List<KirinErrorCode> failures = new ArrayList<>();

    // guide:begin
    try {
      Task done = client.awaitSuccess(task, Duration.ofMinutes(10));
    } catch (KirinTaskFailedException failed) {
      String code = failed.code(); // "002015095", as the server sent it
      KirinErrorCode known = failed.errorCode(); // O1_INTERNAL_GENERATION_ERROR
      Task last = failed.task();
      failures.add(known);
    }
    // guide:end

    assertThat(failures).containsExactly(KirinErrorCode.O1_INTERNAL_GENERATION_ERROR);
  }

  @Test
  void handleErrors() {
    stub.respond(400, Fixtures.error("ErrorRuleBroken"));
    VideoGenerationRequest request = KirinRequests.v3TextToVideo()
        .multiShot(true).shotType(ShotType.CUSTOMIZE)
        .addShot(1, "one", "4").addShot(2, "two", "5").duration("10")
        .build();
    List<String> log = new ArrayList<>();

    // guide:begin
    try {
      client.create(request);
    } catch (KirinValidationException invalid) {
      // 400: fix the request; the server says where and which rule
      log.add(invalid.param().orElse("?") + " breaks " + invalid.rule().orElse("?")
          + ": " + invalid.errorMessage());
    } catch (KirinRateLimitException busy) {
      // 429 after the retries: too many unfinished tasks for this key
      Duration wait = busy.retryAfter().orElse(Duration.ofSeconds(30));
    } catch (KirinApiException other) {
      if (other.errorCode() == KirinErrorCode.UNKNOWN) {
        log.add("new code " + other.code() + " (HTTP " + other.statusCode() + ")");
      }
    }
    // guide:end

    assertThat(log).containsExactly("multi_prompt breaks v3.multi-shot.durations-sum: "
        + "the shot durations add up to 9 but duration is 10; make them add up to the task's duration");
  }

  @Test
  void configureRetries() {
    // guide:begin
    RetryPolicy patient = RetryPolicy.builder()
        .maxAttempts(6)                       // 1 attempt + 5 retries
        .initialDelay(Duration.ofSeconds(1))
        .multiplier(2)
        .maxDelay(Duration.ofSeconds(30))
        .jitter(0.2)
        .maxRetryAfter(Duration.ofMinutes(2)) // follow a Retry-After up to 2 minutes
        .build();
    RetryPolicy never = RetryPolicy.none();
    // guide:end

    assertThat(patient.backoff(6, 0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(never.maxAttempts()).isEqualTo(1);
  }

  @Test
  void createSafelyWithAnExternalId() {
    stub.respond(503, Fixtures.error("ErrorServiceUnavailable"), "Retry-After", "2")
        .respond(200, Fixtures.task("TaskQueued"))
        .respond(200, Fixtures.task("TaskProcessing"));

    // guide:begin
    Task task = client.create(KirinRequests.v3TextToVideo()
        .prompt("A red fox")
        .externalTaskId("order-4711-clip-1") // your id: every retry of create is safe, and you can look it up later
        .build());
    Task again = client.getByExternalId("order-4711-clip-1");
    // guide:end

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
    assertThat(again.getId()).isEqualTo(task.getId());
  }

  @Test
  void receiveCallbacks() {
    String body = Fixtures.task("TaskCompleted");

    // guide:begin
    // in your HTTP handler for callback_url, with the raw request body:
    Task task = KirinCallbacks.parse(body); // IllegalArgumentException: answer 400
    if (TaskResults.isTerminal(task)) {
      Optional<URI> video = TaskResults.videoUrl(task); // empty when the task failed
    }
    // guide:end

    assertThat(task.getStatus()).isEqualTo(TaskStatus.COMPLETED);
  }

  @Test
  void verifySignedCallbacks() {
    byte[] rawBody = Fixtures.task("TaskCompleted").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String signatureHeader =
        KirinCallbackSignature.withSecret("whsec_example").sign(java.time.Instant.now().getEpochSecond(), rawBody);
    String secret = "whsec_example";
    List<String> answers = new ArrayList<>();

    // guide:begin
    KirinCallbackSignature signatures = KirinCallbackSignature.withSecret(secret); // the mock's --callback-secret
    // in the handler, before parsing: the X-Kirin-Signature header and the raw body, byte for byte
    try {
      signatures.verify(signatureHeader, rawBody); // also refuses a t more than 5 minutes away
      Task task = KirinCallbacks.parse(rawBody);
      answers.add("200 " + task.getStatus());
    } catch (KirinSignatureException forged) {
      answers.add("401 " + forged.reason()); // MISSING, MALFORMED, OUTSIDE_TOLERANCE or MISMATCH
    }
    // guide:end

    assertThat(answers).containsExactly("200 completed");
    assertThat(signatures.isValid(signatureHeader, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isFalse();
  }

  @Test
  void runAsync() {
    stub.respond(200, Fixtures.task("TaskQueued")).respond(200, Fixtures.task("TaskCompleted"));
    VideoGenerationRequest request = KirinRequests.v2MasterTextToVideo().prompt("A paper boat").build();

    // guide:begin
    CompletableFuture<URI> video = client.createAsync(request)
        .thenCompose(task -> client.awaitSuccessAsync(task, Duration.ofMinutes(10)))
        .thenApply(done -> TaskResults.videoUrl(done).orElseThrow());
    // video.join() throws CompletionException whose cause is the KirinException
    // guide:end

    assertThat(video.join()).hasPath("/files/task_01JDX8Z6Q2W3E4R5T6Y7U8I9O0/video.mp4");
  }

  @Test
  void testWithoutWaiting() {
    ManualTime myManualClockAndSleeper = time;

    // guide:begin
    KirinClient testClient = KirinClient.builder()
        .baseUrl(baseUrl)
        .apiKey("test-key")
        .clock(myManualClockAndSleeper)   // a java.time.Clock you move yourself
        .sleeper(myManualClockAndSleeper) // records the waits and moves that clock on
        .build();
    // guide:end

    testClient.close();
  }

  @Test
  void theGuidesJavaBlocksAreExactlyTheSamplesOfThisClass() throws IOException {
    Set<String> samples = new LinkedHashSet<>();
    Matcher sample =
        Pattern.compile("(?s)// guide:begin\\n(.*?)\\n\\s*// guide:end").matcher(Files.readString(SOURCE));
    while (sample.find()) {
      samples.add(dedent(sample.group(1)));
    }
    Set<String> blocks = new LinkedHashSet<>();
    Matcher block = Pattern.compile("(?s)```java\\n(.*?)\\n```").matcher(Files.readString(GUIDE));
    while (block.find()) {
      blocks.add(dedent(block.group(1)));
    }

    assertThat(samples).hasSize(13);
    assertThat(blocks).containsExactlyInAnyOrderElementsOf(samples);
  }

  @Test
  void theGuidesErrorTableListsEachRequestCodeUnderTheExceptionItsStatusMapsTo() throws IOException {
    List<String> rows =
        Files.readAllLines(GUIDE).stream().filter(line -> line.startsWith("| `Kirin")).toList();
    for (KirinErrorCode code : KirinErrorCode.values()) {
      if (code.kind() == KirinErrorCode.Kind.REQUEST) {
        String type = ErrorMapping.fromResponse(code.httpStatus().orElseThrow(), null, null).getClass()
            .getSimpleName();
        assertThat(rows).as("the row of %s", type)
            .anySatisfy(row ->
                assertThat(row).startsWith("| `" + type + "`").contains("`" + code.code() + "`"));
      } else if (code.kind() == KirinErrorCode.Kind.GENERATION) {
        assertThat(rows).anySatisfy(row ->
            assertThat(row).startsWith("| `KirinTaskFailedException`").contains("`" + code.code() + "`"));
      }
    }
  }

  private static String dedent(String code) {
    List<String> lines = Arrays.asList(code.split("\n", -1));
    int indent = lines.stream().filter(line -> !line.isBlank())
        .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
    List<String> dedented = lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList();
    return String.join("\n", dedented).strip();
  }
}
