package io.kirincontract.mock.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.support.MockServerExtension;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.Media;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.mock.util.internal.KeyId;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The request journal over HTTP: what an entry holds, refused requests, summaries, the ring, reset, listing. */
class JournalHttpTest {

  private static final String KEY = "journal-key-1";

  @RegisterExtension
  static final MockServerExtension MOCK =
      MockServerExtension.builder()
          .configure(
              config ->
                  config.manualClock(Instant.parse("2026-12-02T10:00:00Z")).apiKeys(KEY, "journal-key-2").maxRunningTasks(2))
          .build();

  private final KirinMockServer server = MOCK.server();
  private final MockApi api = new MockApi(server.baseUrl(), KEY);

  @Test
  void anAcceptedCreateIsOneEntryWithItsKeyIdHeadersBodyAndTask() {
    String body = MockApi.write(Bodies.with(Bodies.v3t2v(), b -> b.put("external_task_id", "order-17")));
    JsonNode task =
        api.send(
                "POST",
                "/v1/videos/generations",
                Map.of("Content-Type", "application/json", "User-Agent", "trailers/1.0", "Idempotency-Key", "idem-1"),
                body)
            .assertQueued();

    JsonNode listing = requests("");
    assertThat(listing.path("total").asLong()).isEqualTo(1);
    assertThat(listing.path("dropped").asLong()).isZero();
    JsonNode entry = listing.path("requests").get(0);
    assertThat(entry.path("seq").asLong()).isEqualTo(1);
    assertThat(Instant.parse(entry.path("at").asText())).isBefore(Instant.now().plusSeconds(1));
    assertThat(entry.path("method").asText()).isEqualTo("POST");
    assertThat(entry.path("path").asText()).isEqualTo("/v1/videos/generations");
    assertThat(entry.path("key_id").asText()).isEqualTo(KeyId.of(KEY));
    assertThat(entry.path("model").asText()).isEqualTo("kirin_v3_t2v");
    assertThat(entry.path("external_task_id").asText()).isEqualTo("order-17");
    assertThat(entry.path("headers").path("Content-Type").asText()).isEqualTo("application/json");
    assertThat(entry.path("headers").path("User-Agent").asText()).isEqualTo("trailers/1.0");
    assertThat(entry.path("headers").path("Idempotency-Key").asText()).isEqualTo("idem-1");
    assertThat(entry.path("headers").has("X-Kirin-Mock-Scenario")).isTrue();
    assertThat(entry.path("headers").path("X-Kirin-Mock-Scenario").isNull()).isTrue();
    assertThat(entry.path("headers").has("Authorization")).isFalse();
    assertThat(entry.path("body")).isEqualTo(MockApi.JSON.valueToTree(Bodies.with(Bodies.v3t2v(), b -> b.put("external_task_id", "order-17"))));
    assertThat(entry.path("status").asInt()).isEqualTo(200);
    assertThat(entry.path("outcome").asText()).isEqualTo("accepted");
    assertThat(entry.path("error_code").isNull()).isTrue();
    assertThat(entry.path("task_id").asText()).isEqualTo(task.path("id").asText());
    assertThat(entry.path("stub").isNull()).isTrue();
    assertThat(entry.path("elapsed_ms").asDouble()).isGreaterThanOrEqualTo(0);
    assertThat(listing.toString()).doesNotContain(KEY);
  }

  @Test
  void aPollIsRecordedWithTheTaskItReadAndItsModel() {
    String id = api.create(Bodies.o1()).assertQueued().path("id").asText();
    api.task(id);
    api.get("/v1/videos/generations/no-such-task");

    JsonNode entries = requests("").path("requests");
    assertThat(entries).hasSize(3);
    assertThat(entries.get(1).path("method").asText()).isEqualTo("GET");
    assertThat(entries.get(1).path("task_id").asText()).isEqualTo(id);
    assertThat(entries.get(1).path("model").asText()).isEqualTo("kirin_video_o1");
    assertThat(entries.get(1).path("body").isNull()).isTrue();
    assertThat(entries.get(2).path("status").asInt()).isEqualTo(404);
    assertThat(entries.get(2).path("task_id").asText()).isEqualTo("no-such-task");
    assertThat(entries.get(2).path("error_code").asText()).isEqualTo("task_not_found");
    assertThat(entries.get(0).path("task_status").asText()).as("the create's answer").isEqualTo("queued");
    assertThat(entries.get(1).path("task_status").asText()).as("what the poll was shown").isEqualTo(api.task(id).path("status").asText());
    assertThat(entries.get(2).path("task_status").isNull()).as("no task in a refusal").isTrue();
  }

  @Test
  void refusedRequestsAreRecordedWithTheirStatusCodeAndRule() {
    api.withKey(null).create(Bodies.v3t2v()).assertError(401, "unauthorized", null, null);
    api.create("{\"model\": \"kirin_v3_t2v\", ").assertError(400, "invalid_json", null, null);
    api.create(Bodies.with(Bodies.o1(), b -> b.put("prompt", Bodies.text(2501))))
        .assertError(400, "002015002", "prompt", "o1.prompt.max-length");
    api.create(Bodies.v3t2v(), "hold=queued").assertQueued();
    api.create(Bodies.v3t2v(), "hold=queued").assertQueued();
    api.create(Bodies.v3t2v()).assertError(429, "006001094", null, null);
    api.admin("PUT", "/__admin/faults", "{\"error_share\": 1, \"error_status\": 503}");
    api.create(Bodies.v3t2v()).assertError(503, "service_unavailable", null, null);

    JsonNode entries = requests("").path("requests");
    assertThat(entries).hasSize(7);
    assertEntry(entries.get(0), 401, "unauthorized", null);
    assertThat(entries.get(0).path("key_id").isNull()).isTrue();
    assertThat(entries.get(0).path("model").asText()).isEqualTo("kirin_v3_t2v");
    assertEntry(entries.get(1), 400, "invalid_json", null);
    assertThat(entries.get(1).path("body").asText()).isEqualTo("{\"model\": \"kirin_v3_t2v\", ");
    assertEntry(entries.get(2), 400, "002015002", "o1.prompt.max-length");
    assertThat(entries.get(2).path("body").path("prompt").path("$text").asText()).startsWith("2,501 characters: aaaa");
    assertEntry(entries.get(5), 429, "006001094", null);
    assertEntry(entries.get(6), 503, "service_unavailable", null);
    assertThat(entries).allSatisfy(entry -> assertThat(entry.path("outcome").asText()).isIn("accepted", "refused"));
    assertThat(entries.get(3).path("headers").path("X-Kirin-Mock-Scenario").asText()).isEqualTo("hold=queued");
  }

  @Test
  void anUnknownPathOrMethodUnderV1IsRecordedToo() {
    api.get("/v1/videos/nothing/here/at/all").assertError(404, "route_not_found", null, null);
    api.send("DELETE", "/v1/videos/generations", Map.of(), null).assertError(405, "method_not_allowed", null, null);

    JsonNode entries = requests("").path("requests");
    assertEntry(entries.get(0), 404, "route_not_found", null);
    assertThat(entries.get(0).path("path").asText()).isEqualTo("/v1/videos/nothing/here/at/all");
    assertEntry(entries.get(1), 405, "method_not_allowed", null);
    assertThat(entries.get(1).path("method").asText()).isEqualTo("DELETE");
  }

  @Test
  void aBodyOverTheLimitIsRecordedAs413() {
    try (KirinMockServer small = KirinMockServer.start(config -> config.host("127.0.0.1").port(0).maxBodySize(4096))) {
      MockApi smallApi = new MockApi(small.baseUrl(), "k");
      smallApi.create(Bodies.with(Bodies.v3t2v(), b -> b.put("prompt", "a".repeat(5000))))
          .assertError(413, "payload_too_large", null, null);

      JsonNode entry = smallApi.admin("GET", "/__admin/requests", null).json().path("requests").get(0);
      assertEntry(entry, 413, "payload_too_large", null);
      assertThat(entry.path("key_id").asText()).isEqualTo(KeyId.of("k"));
      assertThat(entry.path("path").asText()).isEqualTo("/v1/videos/generations");
    }
  }

  @Test
  void aBase64PngAndALongStringAreSummarisedNotKeptWhole() {
    String png = Media.png(512, 512);
    int bytes = Base64.getDecoder().decode(png).length;
    api.create(Bodies.with(Bodies.v3i2v(png), b -> b.put("negative_prompt", "b".repeat(1500)))).assertQueued();

    JsonNode entry = requests("").path("requests").get(0);
    JsonNode image = entry.path("body").path("image");
    assertThat(image.path("$media").asText())
        .isEqualTo(String.format(java.util.Locale.ROOT, "base64 png 512x512, %,d bytes", bytes));
    assertThat(image.path("sha256").asText()).hasSize(16);
    assertThat(entry.path("body").path("negative_prompt").path("$text").asText())
        .isEqualTo("1,500 characters: " + "b".repeat(64) + "…");
    assertThat(entry.path("body").path("model").asText()).isEqualTo("kirin_v3_i2v");
    assertThat(entry.toString()).doesNotContain(png.substring(0, 200)).hasSizeLessThan(2_000);
  }

  @Test
  void theRingKeepsTheNewestEntriesAndCountsTheDropped() {
    try (KirinMockServer small = KirinMockServer.start(config -> config.host("127.0.0.1").port(0).journalSize(3))) {
      MockApi smallApi = new MockApi(small.baseUrl(), "k");
      for (int i = 1; i <= 5; i++) {
        smallApi.get("/v1/videos/generations/task-" + i);
      }

      JsonNode listing = smallApi.admin("GET", "/__admin/requests", null).json();
      assertThat(listing.path("total").asLong()).isEqualTo(5);
      assertThat(listing.path("dropped").asLong()).isEqualTo(2);
      assertThat(listing.path("requests").findValuesAsText("task_id")).containsExactly("task-3", "task-4", "task-5");
      assertThat(listing.path("requests").findValuesAsText("seq")).containsExactly("3", "4", "5");
    }
  }

  @Test
  void turnedOffTheJournalRecordsNothing() {
    try (KirinMockServer off = KirinMockServer.start(config -> config.host("127.0.0.1").port(0).journal(false))) {
      MockApi offApi = new MockApi(off.baseUrl(), "k");
      offApi.create(Bodies.v3t2v()).assertQueued();

      JsonNode listing = offApi.admin("GET", "/__admin/requests", null).json();
      assertThat(listing.path("total").asLong()).isZero();
      assertThat(listing.path("requests")).isEmpty();
    }
  }

  @Test
  void resetAndDeleteEmptyTheJournalAndNumberingStartsAgain() {
    api.get("/v1/videos/generations/a");
    api.admin("POST", "/__admin/reset", "{}");
    assertThat(requests("").path("total").asLong()).isZero();

    api.get("/v1/videos/generations/b");
    api.get("/v1/videos/generations/c");
    assertThat(requests("").path("requests").findValuesAsText("seq")).containsExactly("1", "2");
    api.admin("DELETE", "/__admin/requests", "");
    assertThat(requests("").path("requests")).isEmpty();
    api.get("/v1/videos/generations/d");
    assertThat(requests("").path("requests").get(0).path("seq").asLong()).isEqualTo(1);
  }

  @Test
  void theListingFiltersBySinceLimitKeyModelAndStatus() {
    api.create(Bodies.v3t2v()).assertQueued();
    api.create(Bodies.o1()).assertQueued();
    api.withKey("journal-key-2").get("/v1/videos/generations/x");
    api.get("/v1/videos/generations/y");

    assertThat(requests("?since=2").path("requests").findValuesAsText("seq")).containsExactly("3", "4");
    assertThat(requests("?limit=1").path("requests").findValuesAsText("seq")).containsExactly("1");
    assertThat(requests("?key=journal-key-2").path("requests").findValuesAsText("seq")).containsExactly("3");
    assertThat(requests("?model=kirin_video_o1").path("requests").findValuesAsText("seq")).containsExactly("2");
    assertThat(requests("?status=404").path("requests").findValuesAsText("seq")).containsExactly("3", "4");
    assertThat(requests("?status=404").path("total").asLong()).isEqualTo(4);
    api.admin("GET", "/__admin/requests?limit=0", null).assertError(400, "invalid_parameter", "limit", null);
    api.admin("GET", "/__admin/requests?limit=10001", null).assertError(400, "invalid_parameter", "limit", null);
    api.admin("GET", "/__admin/requests?since=x", null).assertError(400, "invalid_parameter", "since", null);
  }

  @Test
  void countAndFindTakeTheMatcher() {
    api.create(Bodies.with(Bodies.o1(), b -> b.putObject("watermark_info").put("enabled", true))).assertQueued();
    api.create(Bodies.with(Bodies.v3t2v(), b -> b.put("callback_url", "http://127.0.0.1:9/hook"))).assertQueued();
    api.create(Bodies.with(Bodies.o1(), b -> b.put("prompt", Bodies.text(2501)))).assertError(400, "002015002", "prompt", "o1.prompt.max-length");
    api.withKey("journal-key-2").get("/v1/videos/generations/x");

    assertThat(count("{}")).isEqualTo(4);
    assertThat(count("{\"method\": \"POST\", \"path\": \"/v1/videos/generations\"}")).isEqualTo(3);
    assertThat(count("{\"path_regex\": \"/v1/videos/generations/.+\"}")).isEqualTo(1);
    assertThat(count("{\"key\": \"journal-key-2\"}")).isEqualTo(1);
    assertThat(count("{\"model\": \"kirin_video_o1\", \"outcome\": \"accepted\"}")).isEqualTo(1);
    assertThat(count("{\"status_class\": \"4xx\"}")).isEqualTo(2);
    assertThat(count("{\"status\": 400, \"rule\": \"o1.prompt.max-length\", \"error_code\": \"002015002\"}")).isEqualTo(1);
    assertThat(count("{\"outcome\": \"refused\", \"since_seq\": 3}")).isEqualTo(1);
    assertThat(count("{\"body\": [{\"path\": \"$.watermark_info.enabled\", \"equals\": true}]}")).isEqualTo(1);
    assertThat(count("{\"body\": [{\"path\": \"$.prompt\", \"matches\": \"^A paper\"}]}")).isEqualTo(1);
    assertThat(count("{\"method\": \"POST\", \"body\": [{\"path\": \"$.callback_url\", \"absent\": true}]}"))
        .isEqualTo(2);

    JsonNode found =
        api.admin("POST", "/__admin/requests/find", "{\"body\": [{\"path\": \"$.callback_url\", \"matches\": \"hook$\"}]}")
            .json()
            .path("requests");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).path("model").asText()).isEqualTo("kirin_v3_t2v");
  }

  @Test
  void aMalformedMatcherIs400NamingTheField() {
    matcherError("{\"body\": [{\"path\": \"$.[\", \"equals\": 1}]}", "body[0].path");
    matcherError("{\"body\": [{\"path\": \"$.a\", \"absent\": true}, {\"path\": \"$.b\", \"matches\": \"(\"}]}", "body[1].matches");
    matcherError("{\"body\": [{\"path\": \"$.a\"}]}", "body[0].equals");
    matcherError("{\"body\": [{\"path\": \"$.a\", \"equals\": 1, \"absent\": true}]}", "body[0]");
    matcherError("{\"body\": {\"path\": \"$.a\"}}", "body");
    matcherError("{\"status_class\": \"6xx\"}", "status_class");
    matcherError("{\"status\": \"400\"}", "status");
    matcherError("{\"outcome\": \"maybe\"}", "outcome");
    matcherError("{\"path_regex\": \"[\"}", "path_regex");
    matcherError("{\"since_seq\": 1.5}", "since_seq");
    matcherError("{\"colour\": \"blue\"}", "colour");
  }

  private void matcherError(String matcher, String param) {
    api.admin("POST", "/__admin/requests/count", matcher).assertError(400, "invalid_parameter", param, null);
    api.admin("POST", "/__admin/requests/find", matcher).assertError(400, "invalid_parameter", param, null);
  }

  private long count(String matcher) {
    return api.admin("POST", "/__admin/requests/count", matcher).json().path("count").asLong();
  }

  private JsonNode requests(String query) {
    return api.admin("GET", "/__admin/requests" + query, null).json();
  }

  private static void assertEntry(JsonNode entry, int status, String code, String rule) {
    assertThat(entry.path("status").asInt()).as("%s", entry).isEqualTo(status);
    assertThat(entry.path("outcome").asText()).isEqualTo("refused");
    assertThat(entry.path("error_code").asText()).as("%s", entry).isEqualTo(code);
    assertThat(entry.path("rule").isNull() ? null : entry.path("rule").asText()).isEqualTo(rule);
  }
}
