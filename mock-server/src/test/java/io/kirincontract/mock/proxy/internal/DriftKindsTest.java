package io.kirincontract.mock.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.KirinMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each kind of disagreement of DESIGN §7 is found and named, with its rule id where it has one. */
class DriftKindsTest {

  static final String DURATIONS_SUM = "v3.multi-shot.durations-sum";

  /** Breaks {@value #DURATIONS_SUM}: shots of 2 s and 4 s in a 5-second task. */
  static final String SHOTS_TOO_LONG =
      "{\"model\": \"kirin_v3_t2v\", \"multi_shot\": true, \"shot_type\": \"customize\", \"duration\": \"5\","
          + " \"multi_prompt\": [{\"index\": 1, \"prompt\": \"The fox looks up\", \"duration\": \"2\"},"
          + " {\"index\": 2, \"prompt\": \"The fox jumps\", \"duration\": \"4\"}]}";

  static final String VALID = "{\"model\": \"kirin_v3_t2v\", \"prompt\": \"A red fox trots across a snowy meadow\"}";

  private static KirinMockServer upstreamMock;
  private static String acceptedTask;

  @BeforeAll
  static void startUpstreamMock() throws Exception {
    upstreamMock =
        KirinMockServer.start(config -> config.port(0).requestLog(false).disableRule(DURATIONS_SUM));
    acceptedTask = ProxyHttp.create(upstreamMock.baseUrl(), "sk-seed", VALID).body();
  }

  @AfterAll
  static void stopUpstreamMock() {
    upstreamMock.close();
  }

  @Test
  void aRuleTheUpstreamNoLongerEnforcesIsRuleNotEnforcedWithItsId() throws Exception {
    try (KirinMockServer proxy = ProxyForwardingTest.proxyTo(upstreamMock.baseUrl(), config -> {})) {
      HttpResponse<String> answer = ProxyHttp.create(proxy.baseUrl(), "sk-live", SHOTS_TOO_LONG);

      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      JsonNode item = onlyItem(proxy, "rule_not_enforced");
      assertThat(item.path("rule").asText()).isEqualTo(DURATIONS_SUM);
      assertThat(item.path("model").asText()).isEqualTo("kirin_v3_t2v");
      assertThat(item.path("count").asInt()).isEqualTo(1);
      assertThat(item.at("/example/local/status").asInt()).isEqualTo(400);
      assertThat(item.at("/example/local/code").asText()).isEqualTo("invalid_parameter");
      assertThat(item.at("/example/local/rule").asText()).isEqualTo(DURATIONS_SUM);
      assertThat(item.at("/example/upstream/status").asInt()).isEqualTo(200);
      assertThat(item.at("/example/upstream/code").isNull()).isTrue();
      assertThat(item.at("/example/request/body/multi_prompt/1/duration").asText()).isEqualTo("4");
      assertThat(item.at("/example/request/key_id").asText()).startsWith("key_");
    }
  }

  @Test
  void anAgreeingExchangeCountsAsAgreedAndDeleteStartsAfresh() throws Exception {
    try (KirinMockServer proxy = ProxyForwardingTest.proxyTo(upstreamMock.baseUrl(), config -> {})) {
      ProxyHttp.create(proxy.baseUrl(), "sk-live", VALID);
      await().atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> assertThat(ProxyHttp.drift(proxy.baseUrl()).path("agreed").asLong()).isEqualTo(1));
      JsonNode before = ProxyHttp.drift(proxy.baseUrl());

      HttpResponse<String> deleted =
          ProxyHttp.send(
              HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/__admin/drift"))
                  .header("Content-Type", "application/json")
                  .DELETE());

      assertThat(before.path("exchanges").asLong()).isEqualTo(1);
      assertThat(before.path("items")).isEmpty();
      assertThat(deleted.statusCode()).isEqualTo(200);
      JsonNode after = ProxyHttp.drift(proxy.baseUrl());
      assertThat(after.path("exchanges").asLong()).isZero();
      assertThat(after.path("agreed").asLong()).isZero();
      assertThat(after.path("dropped").asLong()).isZero();
      assertThat(after.path("since").asText()).isGreaterThanOrEqualTo(before.path("since").asText());
    }
  }

  @Test
  void aCodeTheCatalogueLacksIsUnknownCode() throws Exception {
    try (FakeUpstream fake = new FakeUpstream();
        KirinMockServer proxy = ProxyForwardingTest.proxyTo(fake.baseUrl(), config -> {})) {
      fake.answers(400, "{\"error\": {\"code\": \"7770001\", \"error_message\": \"new in the provider\"}}");

      ProxyHttp.create(proxy.baseUrl(), "sk-live", SHOTS_TOO_LONG);

      JsonNode item = onlyItem(proxy, "unknown_code");
      assertThat(item.path("rule").asText()).isEqualTo(DURATIONS_SUM);
      assertThat(item.at("/example/upstream/code").asText()).isEqualTo("7770001");
      assertThat(kinds(proxy)).contains("code_mismatch");
    }
  }

  @Test
  void aBodyThatBreaksTheSchemaIsSchemaViolationWithItsPointer() throws Exception {
    try (FakeUpstream fake = new FakeUpstream();
        KirinMockServer proxy = ProxyForwardingTest.proxyTo(fake.baseUrl(), config -> {})) {
      JsonNode task = ProxyHttp.json(acceptedTask);
      ((com.fasterxml.jackson.databind.node.ObjectNode) task).put("status", "rendering");
      fake.answers(200, task.toString());

      ProxyHttp.create(proxy.baseUrl(), "sk-live", VALID);

      JsonNode item = onlyItem(proxy, "schema_violation");
      assertThat(item.at("/example/upstream/violations/0/pointer").asText()).isEqualTo("/status");
      assertThat(item.at("/example/upstream/violations/0/message").asText()).contains("rendering");
      assertThat(kinds(proxy)).containsExactly("schema_violation");
    }
  }

  @Test
  void aStatusTheOperationDoesNotListIsUndocumentedStatus() throws Exception {
    try (FakeUpstream fake = new FakeUpstream();
        KirinMockServer proxy = ProxyForwardingTest.proxyTo(fake.baseUrl(), config -> {})) {
      fake.answers(418, "{\"error\": {\"code\": \"invalid_parameter\", \"error_message\": \"a teapot\"}}");

      ProxyHttp.create(proxy.baseUrl(), "sk-live", VALID);

      JsonNode item = onlyItem(proxy, "undocumented_status");
      assertThat(item.at("/example/upstream/status").asInt()).isEqualTo(418);
    }
  }

  @Test
  void anAcceptedRequestTheUpstreamRefusesIsUnexpectedRefusal() throws Exception {
    try (FakeUpstream fake = new FakeUpstream();
        KirinMockServer proxy = ProxyForwardingTest.proxyTo(fake.baseUrl(), config -> {})) {
      fake.answers(400, "{\"error\": {\"code\": \"002015001\", \"error_message\": \"prompt is required\"}}");

      ProxyHttp.create(proxy.baseUrl(), "sk-live", VALID);

      JsonNode item = onlyItem(proxy, "unexpected_refusal");
      assertThat(item.path("rule").isNull()).isTrue();
      assertThat(item.at("/example/local/status").asInt()).isEqualTo(200);
      assertThat(item.at("/example/upstream/code").asText()).isEqualTo("002015001");
      assertThat(kinds(proxy)).containsExactly("unexpected_refusal");
    }
  }

  @Test
  void bothRefusingWithDifferentCodesIsCodeMismatch() throws Exception {
    try (FakeUpstream fake = new FakeUpstream();
        KirinMockServer proxy = ProxyForwardingTest.proxyTo(fake.baseUrl(), config -> {})) {
      fake.answers(400, "{\"error\": {\"code\": \"unknown_model\", \"error_message\": \"what model?\"}}");

      ProxyHttp.create(proxy.baseUrl(), "sk-live", SHOTS_TOO_LONG);

      JsonNode item = onlyItem(proxy, "code_mismatch");
      assertThat(item.path("rule").asText()).isEqualTo(DURATIONS_SUM);
      assertThat(item.at("/example/local/code").asText()).isEqualTo("invalid_parameter");
      assertThat(item.at("/example/upstream/code").asText()).isEqualTo("unknown_model");
      assertThat(kinds(proxy)).containsExactly("code_mismatch");
    }
  }

  /** The one item of {@code kind}, once the exchange has been judged. */
  static JsonNode onlyItem(KirinMockServer proxy, String kind) throws IOException, InterruptedException {
    await().atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(ProxyHttp.drift(proxy.baseUrl()).path("exchanges").asLong()).isEqualTo(1));
    JsonNode drift = ProxyHttp.drift(proxy.baseUrl());
    assertThat(drift.path("agreed").asLong()).isZero();
    assertThat(drift.at("/by_kind/" + kind).asLong()).isEqualTo(1);
    JsonNode found = null;
    for (JsonNode item : drift.path("items")) {
      if (item.path("kind").asText().equals(kind)) {
        assertThat(found).as("one item of kind %s in %s", kind, drift).isNull();
        found = item;
      }
    }
    assertThat(found).as("an item of kind %s in %s", kind, drift).isNotNull();
    return found;
  }

  static java.util.List<String> kinds(KirinMockServer proxy) throws IOException, InterruptedException {
    java.util.List<String> kinds = new java.util.ArrayList<>();
    ProxyHttp.drift(proxy.baseUrl()).path("items").forEach(item -> kinds.add(item.path("kind").asText()));
    return kinds;
  }
}
