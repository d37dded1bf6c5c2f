package io.kirincontract.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.conformance.cases.CaseFiles;
import io.kirincontract.spec.ModelProfile;
import io.kirincontract.conformance.http.Answer;
import io.kirincontract.conformance.server.Conformance;
import io.kirincontract.conformance.server.ConformanceExtension;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tasks from creation to the end: each model's task is polled to {@code completed} within a bound, its statuses
 * only move forward, {@code output} and {@code usage} appear only when completed and {@code error} only when failed,
 * its output files are real MP4s that can be downloaded, and the callbacks arrive in status order, each a valid
 * Task. A failed task is made with the mock's steering header (in-process only).
 */
@ExtendWith(ConformanceExtension.class)
@DisplayName("lifecycle: poll, callbacks, output")
class LifecycleTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> ORDER = List.of("queued", "processing", "completed", "failed");
  private static final String SCENARIO_HEADER = "X-Kirin-Mock-Scenario";

  @TestFactory
  @DisplayName("every model's task runs to completion")
  Stream<DynamicTest> completes(Conformance conformance) {
    return conformance.spec().modelIds().stream()
        .filter(conformance.settings()::includes)
        .map(model -> DynamicTest.dynamicTest(
            "a " + model + " task is polled to completed, with its callbacks in order and a downloadable MP4",
            () -> run(conformance, model, null, "completed")));
  }

  @TestFactory
  @DisplayName("a watermarked task has a plain and a watermarked result")
  Stream<DynamicTest> watermark(Conformance conformance) {
    return Stream.of("kirin_v2_master_t2v").filter(conformance.settings()::includes)
        .map(model -> DynamicTest.dynamicTest(
            "a " + model + " task with watermark_info.enabled has a plain and a watermarked MP4",
            () -> {
              JsonNode done = run(conformance, model, null, "completed", true);
              JsonNode content = done.path("output").path("content");
              assertThat(content.size()).as("output.content of %s", done).isEqualTo(2);
              List<Boolean> marks = new ArrayList<>();
              content.forEach(item -> marks.add(item.path("watermarked").asBoolean(false)));
              assertThat(marks).containsExactlyInAnyOrder(false, true);
            }));
  }

  @TestFactory
  @DisplayName("an image_tail past the image limits still gives a downloadable result")
  Stream<DynamicTest> wideTail(Conformance conformance) {
    // The documents put no aspect-ratio limit on image_tail: a 4:1 tail is accepted, and its result must download.
    return Stream.of("kirin_v3_i2v").filter(conformance.settings()::includes)
        .map(model -> DynamicTest.dynamicTest(
            "a " + model + " pro task with only a 1200x300 image_tail completes with a downloadable MP4",
            () -> run(conformance, model, null, "completed", false, body -> {
              body.remove("image");
              body.put("image_tail", conformance.fixtures().resolve("$png(1200x300)"));
              body.put("mode", "pro");
            })));
  }

  @TestFactory
  @DisplayName("a failed task carries a generation-failure code of its model")
  Stream<DynamicTest> fails(Conformance conformance) {
    return Stream.of("kirin_v3_t2v", "kirin_video_o1").filter(conformance.settings()::includes)
        .map(model -> DynamicTest.dynamicTest(
            "a " + model + " task made to fail while processing ends failed, with a generation code and no output",
            () -> {
              Assumptions.assumeTrue(conformance.inProcess(),
                  "failing a task on purpose needs the mock's " + SCENARIO_HEADER + " header");
              run(conformance, model, "fail=default@processing", "failed");
            }));
  }

  private static JsonNode run(Conformance conformance, String model, String scenario, String terminal)
      throws Exception {
    return run(conformance, model, scenario, terminal, false);
  }

  private static JsonNode run(Conformance conformance, String model, String scenario, String terminal,
      boolean watermark) throws Exception {
    return run(conformance, model, scenario, terminal, watermark, body -> {});
  }

  private static JsonNode run(Conformance conformance, String model, String scenario, String terminal,
      boolean watermark, Consumer<ObjectNode> edit) throws Exception {
    String hook = model + "-" + UUID.randomUUID();
    ObjectNode body = (ObjectNode) conformance.fixtures().resolve(CaseFiles.load(conformance.spec(), model).orElseThrow().base());
    body.put("callback_url", conformance.callbacks().url(hook));
    body.put("external_task_id", hook);
    if (watermark) {
      body.putObject("watermark_info").put("enabled", true);
    }
    edit.accept(body);
    var request = conformance.api().request().contentType(ContentType.JSON).body(body.toString());
    if (scenario != null) {
      request.header(SCENARIO_HEADER, scenario);
    }
    Answer created = Answer.of(request.post("/v1/videos/generations"));
    assertThat(created.status()).as(created.describe()).isEqualTo(200);
    assertThat(created.json().path("status").asText()).isEqualTo("queued");
    String id = created.json().path("id").asText();

    List<JsonNode> polled = poll(conformance, id);
    JsonNode last = polled.get(polled.size() - 1);
    assertThat(last.path("status").asText()).as("terminal status of %s", id).isEqualTo(terminal);
    assertForward(polled, "polled statuses");
    polled.forEach(LifecycleTest::assertShape);

    if (terminal.equals("completed")) {
      for (JsonNode item : last.path("output").path("content")) {
        assertMp4(download(conformance, item.path("url").asText()), item.path("url").asText());
      }
      assertThat(last.path("output").path("content").size()).isPositive();
      ModelProfile profile = conformance.spec().profile(model);
      assertThat(last.path("metadata").path("fps").asInt()).as("output fps of %s", model)
          .isEqualTo(profile.output().fps());
      assertThat(last.path("metadata").path("resolution").asText()).as("output resolution of %s", model)
          .isEqualTo(profile.output().resolutions().get(body.path("mode").asText(profile.defaultMode())));
    } else {
      String code = last.path("error").path("code").asText();
      assertThat(conformance.spec().errorCode(code)).as("error.code %s in the catalog", code)
          .get().satisfies(def -> {
            assertThat(def.kind()).isEqualTo("generation");
            assertThat(def.models()).contains(model);
          });
    }

    Awaitility.await("callback of the " + terminal + " status of " + id)
        .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> conformance.callbacks().bodies(hook).stream()
            .anyMatch(b -> b.contains("\"" + terminal + "\"")));
    List<JsonNode> callbacks = new ArrayList<>();
    for (String callback : conformance.callbacks().bodies(hook)) {
      assertThat(conformance.validation().checkCallback(callback)).as("callback body against the spec").isEmpty();
      callbacks.add(JSON.readTree(callback));
    }
    assertForward(callbacks, "callback statuses");
    callbacks.forEach(LifecycleTest::assertShape);
    assertThat(callbacks).allSatisfy(c -> assertThat(c.path("id").asText()).isEqualTo(id));
    assertThat(callbacks.get(callbacks.size() - 1).path("status").asText()).isEqualTo(terminal);
    assertThat(callbacks).extracting(c -> c.path("status").asText()).doesNotHaveDuplicates();
    return last;
  }

  private static List<JsonNode> poll(Conformance conformance, String id) throws IOException {
    Duration bound = conformance.settings().lifecycleTimeout();
    Instant deadline = Instant.now().plus(bound);
    List<JsonNode> seen = new ArrayList<>();
    while (true) {
      Answer answer = Answer.of(conformance.api().get(id));
      assertThat(answer.status()).as(answer.describe()).isEqualTo(200);
      seen.add(answer.json());
      String status = answer.json().path("status").asText();
      if (status.equals("completed") || status.equals("failed")) {
        return seen;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("task " + id + " still " + status + " after " + bound.toSeconds()
            + " s (kirin.lifecycleTimeoutSeconds)");
      }
      Awaitility.await().pollDelay(Duration.ofMillis(200)).until(() -> true);
    }
  }

  private static void assertForward(List<JsonNode> tasks, String what) {
    int previous = -1;
    for (JsonNode task : tasks) {
      int rank = Math.min(ORDER.indexOf(task.path("status").asText()), 2);
      assertThat(rank).as("%s only move forward: %s", what, tasks.stream().map(t -> t.path("status").asText()).toList())
          .isGreaterThanOrEqualTo(previous);
      previous = rank;
    }
  }

  private static void assertShape(JsonNode task) {
    String status = task.path("status").asText();
    boolean completed = status.equals("completed");
    boolean failed = status.equals("failed");
    assertThat(task.has("output")).as("output present when %s", status).isEqualTo(completed);
    assertThat(task.has("usage")).as("usage present when %s", status).isEqualTo(completed);
    assertThat(task.has("error")).as("error present when %s", status).isEqualTo(failed);
  }

  private static byte[] download(Conformance conformance, String url) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + conformance.settings().apiKey()).GET().build();
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as("download of %s", url).isEqualTo(200);
    return response.body();
  }

  private static void assertMp4(byte[] bytes, String url) {
    assertThat(bytes.length).as("size of %s", url).isGreaterThan(16);
    String brandBox = new String(Arrays.copyOfRange(bytes, 4, 8), StandardCharsets.US_ASCII);
    assertThat(brandBox).as("%s starts with an ftyp box (an MP4)", url).isEqualTo("ftyp");
    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as("%s has a moov box", url).contains("moov");
  }
}
