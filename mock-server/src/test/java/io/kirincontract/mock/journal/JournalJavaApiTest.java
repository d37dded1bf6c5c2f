package io.kirincontract.mock.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kirincontract.mock.admin.MockAdmin;
import io.kirincontract.mock.control.InvalidControlException;
import io.kirincontract.mock.journal.internal.MatcherJson;
import io.kirincontract.mock.stubs.Stub;
import io.kirincontract.mock.stubs.StubAnswer;
import io.kirincontract.mock.stubs.StubFault;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.mock.support.MockServerExtension;
import io.kirincontract.mock.util.internal.KeyId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The journal, verification and stubs from Java: {@code admin.requests(...)}, {@code verify}, {@code takeRequest}. */
class JournalJavaApiTest {

  @RegisterExtension
  static final MockServerExtension MOCK =
      MockServerExtension.builder()
          .configure(config -> config.manualClock(Instant.parse("2026-01-01T00:00:00Z")))
          .build();

  @Test
  void requestsAndCountRequestsTakeAFluentPattern(MockAdmin admin, MockServerExtension.Info info) {
    MockApi api = new MockApi(info.baseUrl(), info.apiKey());
    api.create(Bodies.with(Bodies.o1(), b -> b.putObject("watermark_info").put("enabled", true))).assertQueued();
    api.create(Bodies.with(Bodies.v3t2v(), b -> b.put("callback_url", "http://127.0.0.1:9/hook"))).assertQueued();
    api.create(Bodies.with(Bodies.o1(), b -> b.put("prompt", Bodies.text(2501))))
        .assertError(400, "002015002", "prompt", "o1.prompt.max-length");
    api.withKey("other").get("/v1/videos/generations/nope");

    assertThat(admin.requests()).hasSize(4);
    assertThat(admin.countRequests(RequestPattern.creates())).isEqualTo(3);
    assertThat(admin.countRequests(RequestPattern.polls().key("other").status(404))).isEqualTo(1);
    assertThat(admin.countRequests(RequestPattern.anyRequest().keyId(KeyId.of(info.apiKey())))).isEqualTo(3);
    assertThat(admin.countRequests(RequestPattern.creates().model("kirin_video_o1").accepted())).isEqualTo(1);
    assertThat(admin.countRequests(RequestPattern.anyRequest().statusClass(4))).isEqualTo(2);
    assertThat(admin.countRequests(RequestPattern.anyRequest().refused().rule("o1.prompt.max-length").errorCode("002015002")))
        .isEqualTo(1);
    assertThat(admin.countRequests(RequestPattern.anyRequest().body("$.watermark_info.enabled", true))).isEqualTo(1);
    assertThat(admin.countRequests(RequestPattern.anyRequest().bodyMatches("$.prompt", "^A paper"))).isEqualTo(1);
    assertThat(admin.countRequests(RequestPattern.creates().bodyAbsent("$.callback_url"))).isEqualTo(2);
    assertThat(admin.countRequests(RequestPattern.creates().bodyPresent("$.callback_url"))).isEqualTo(1);
    assertThat(admin.countRequests(RequestPattern.anyRequest().sinceSeq(2))).isEqualTo(2);

    List<RecordedRequest> o1 = admin.requests(RequestPattern.creates().model("kirin_video_o1"));
    assertThat(o1).extracting(RecordedRequest::seq).containsExactly(1L, 3L);
    assertThat(o1.get(0).body().path("watermark_info").path("enabled").asBoolean()).isTrue();
    assertThat(o1.get(1).body().path("prompt").path("$text").asText()).startsWith("2,501 characters");
    assertThat(o1.get(1).refused()).isTrue();
  }

  @Test
  void thePatternIsTheMatcherOfTheAdminApi() {
    RequestPattern pattern =
        RequestPattern.creates().model("kirin_v3_t2v").bodyMatches("$.prompt", "^A").refused().statusClass(4);

    assertThat(MatcherJson.read(pattern.toJson(), "")).isEqualTo(pattern.toMatcher());
    assertThat(pattern.toJson().toString())
        .isEqualTo(
            "{\"method\":\"POST\",\"path\":\"/v1/videos/generations\",\"model\":\"kirin_v3_t2v\",\"body\":[{\"path\":"
                + "\"$.prompt\",\"matches\":\"^A\"}],\"outcome\":\"refused\",\"status_class\":\"4xx\"}");
    assertThatThrownBy(() -> RequestPattern.anyRequest().bodyMatches("$.prompt", "(").toMatcher())
        .isInstanceOf(InvalidControlException.class)
        .hasMessageContaining("not a regular expression")
        .extracting(e -> ((InvalidControlException) e).param())
        .isEqualTo("body[0].matches");
  }

  @Test
  void verifyPassesOnTheExactCountAndOtherwiseListsTheThreeClosestNearMissesAndWhatEachMissed(
      MockAdmin admin, MockServerExtension.Info info) {
    MockApi api = new MockApi(info.baseUrl(), info.apiKey());
    api.create(Bodies.v3t2v()).assertQueued();
    api.create(Bodies.v2t2v()).assertQueued();
    api.create(Bodies.with(Bodies.o1(), b -> b.put("prompt", "A storm"))).assertQueued();
    api.get("/v1/videos/generations/nope");

    admin.verify(1, RequestPattern.creates().model("kirin_v3_t2v"));
    admin.verify(3, RequestPattern.creates());

    RequestPattern wanted = RequestPattern.creates().model("kirin_video_o1").bodyMatches("$.prompt", "^A paper");
    assertThatThrownBy(() -> admin.verify(1, wanted))
        .isInstanceOf(AssertionError.class)
        .isInstanceOf(VerificationError.class)
        .hasMessageStartingWith("expected 1 request matching POST, /v1/videos/generations, model kirin_video_o1,"
            + " $.prompt matches /^A paper/, found 0 among the 4 in the journal; the closest near misses:")
        .hasMessageContaining("#3 POST /v1/videos/generations -> 200, model kirin_video_o1")
        .hasMessageContaining("missed $.prompt matches /^A paper/ (found \"A storm\")")
        .hasMessageContaining("model kirin_video_o1 (was kirin_v3_t2v)")
        .satisfies(
            error -> {
              List<NearMiss> misses = ((VerificationError) error).nearMisses();
              // O1 misses the prompt only; V2 and V3 miss model and prompt (the later first); the poll misses more
              assertThat(misses).extracting(miss -> miss.request().seq()).containsExactly(3L, 2L, 1L);
              assertThat(misses).extracting(miss -> miss.missed().size()).containsExactly(1, 2, 2);
            });
    assertThatThrownBy(() -> admin.verify(1, RequestPattern.creates()))
        .isInstanceOf(VerificationError.class)
        .hasMessageContaining("found 3 among the 4");
  }

  @Test
  void verifyNoRefusedRequestsListsTheRefusedOnes(MockAdmin admin, MockServerExtension.Info info) {
    MockApi api = new MockApi(info.baseUrl(), info.apiKey());
    api.create(Bodies.v3t2v()).assertQueued();
    admin.verifyNoRefusedRequests();

    api.create(Bodies.with(Bodies.o1(), b -> b.put("prompt", Bodies.text(2501)))).assertError(400, "002015002", "prompt", "o1.prompt.max-length");

    assertThatThrownBy(admin::verifyNoRefusedRequests)
        .isInstanceOf(VerificationError.class)
        .hasMessageContaining("expected no refused request, found 1:")
        .hasMessageContaining("#2 POST /v1/videos/generations -> 400 002015002 (o1.prompt.max-length)");
  }

  @Test
  void takeRequestGivesRequestsInArrivalOrderAndEmptyAfterItsTimeout(MockAdmin admin, MockServerExtension.Info info)
      throws Exception {
    MockApi api = new MockApi(info.baseUrl(), info.apiKey());
    api.create(Bodies.v3t2v()).assertQueued();
    api.get("/v1/videos/generations/a");
    api.get("/v1/videos/generations/b");

    assertThat(admin.takeRequest(Duration.ofSeconds(5)).orElseThrow().method()).isEqualTo("POST");
    assertThat(admin.takeRequest(Duration.ofSeconds(5)).orElseThrow().taskId()).isEqualTo("a");
    assertThat(admin.takeRequest(Duration.ofSeconds(5)).orElseThrow().taskId()).isEqualTo("b");
    assertThat(admin.takeRequest(Duration.ofMillis(50))).isEmpty();

    CompletableFuture<Optional<RecordedRequest>> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return admin.takeRequest(Duration.ofSeconds(30));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    api.get("/v1/videos/generations/c");
    assertThat(waiting.get(30, TimeUnit.SECONDS).orElseThrow().taskId()).isEqualTo("c");
  }

  @Test
  void stubsArmedFromJavaAnswerAndAreListedAndRemoved(MockAdmin admin, MockServerExtension.Info info) {
    MockApi api = new MockApi(info.baseUrl(), info.apiKey());
    String id =
        admin.stub(
            Stub.answer(RequestPattern.creates().model("kirin_v3_t2v"), 2, StubAnswer.status(503).withHeader("Retry-After", "1")));
    String reset = admin.stub(Stub.fault(RequestPattern.polls(), 1, StubFault.RESET));

    api.create(Bodies.v3t2v()).assertError(503, "service_unavailable", null, null);
    assertThat(admin.stubs()).extracting(armed -> armed.id() + ":" + armed.remaining()).containsExactly(id + ":1", reset + ":1");
    assertThat(admin.removeStub(reset)).isTrue();
    assertThat(admin.removeStub(reset)).isFalse();
    api.get("/v1/videos/generations/x").assertError(404, "task_not_found", null, null);

    admin.verify(1, RequestPattern.creates().status(503));
    assertThat(admin.requests(RequestPattern.creates()).get(0).stub()).isEqualTo(id);
    admin.clearStubs();
    api.create(Bodies.v3t2v()).assertQueued();
    assertThatThrownBy(() -> Stub.answer(RequestPattern.anyRequest().status(400), 1, StubAnswer.status(500)))
        .isInstanceOf(InvalidControlException.class);
  }

  @Test
  void aDelayStubFromJavaKeepsTheMocksAnswer(MockAdmin admin, MockServerExtension.Info info) {
    admin.stub(Stub.delay(RequestPattern.creates(), 1, Duration.ofMillis(100)));

    new MockApi(info.baseUrl(), info.apiKey()).create(Bodies.v3t2v()).assertQueued();

    assertThat(admin.requests().get(0).elapsedMs()).isGreaterThanOrEqualTo(100);
    assertThat(admin.stubs()).isEmpty();
  }
}
