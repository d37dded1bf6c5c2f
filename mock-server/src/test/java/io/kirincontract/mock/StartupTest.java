package io.kirincontract.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kirincontract.mock.rules.internal.RuleMismatchException;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.spec.KirinSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What the server checks before it listens, and what it serves to anyone. */
class StartupTest {

  private static final KirinSpec SPEC = KirinSpec.load();

  @Test
  void theServerRefusesToStartWhenTheSpecListsARuleItDoesNotImplement() {
    String yaml =
        SPEC.yaml()
            .replace(
                "x-kirin-rules:\n",
                "x-kirin-rules:\n  - id: v3.brand-new-rule\n    models: [kirin_v3_t2v]\n    params: [prompt]\n"
                    + "    text: New.\n    code: invalid_parameter\n    status: 400\n    effect: reject\n"
                    + "    mode: default\n    source: reading\n");
    assertThatThrownBy(() -> KirinMockServer.start(config -> config.port(0).spec(KirinSpec.parse(yaml))))
        .isInstanceOfSatisfying(
            RuleMismatchException.class,
            e -> {
              assertThat(e.missing()).containsExactly("v3.brand-new-rule");
              assertThat(e.extra()).isEmpty();
              assertThat(e.getMessage()).contains("v3.brand-new-rule");
            });
  }

  @Test
  void theServerRefusesToStartWhenItImplementsARuleTheSpecDoesNotList() {
    String yaml = SPEC.yaml().replace("  - id: o1.frames.at-most-one-each\n", "  - id: o1.frames.renamed\n");
    assertThatThrownBy(() -> KirinMockServer.start(config -> config.port(0).spec(KirinSpec.parse(yaml))))
        .isInstanceOfSatisfying(
            RuleMismatchException.class,
            e -> {
              assertThat(e.missing()).containsExactly("o1.frames.renamed");
              assertThat(e.extra()).containsExactly("o1.frames.at-most-one-each");
            });
  }

  @Test
  void disablingAnUnknownRuleIsRefused() {
    assertThatThrownBy(() -> KirinMockServer.start(config -> config.port(0).disableRule("no.such.rule")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no.such.rule");
  }

  @Test
  void aDisabledRuleIsSkippedSoATestSuiteCanProveItNotices() {
    try (KirinMockServer broken =
        KirinMockServer.start(
            config -> config.port(0).disableRule("v3.multi-shot.durations-sum").disableRule("o1.prompt.max-length"))) {
      MockApi api = new MockApi(broken.baseUrl(), "k");
      api.create(Bodies.with(Bodies.v3t2vMultiShot(), b -> b.put("duration", "10"))).assertQueued();
      api.create(Bodies.with(Bodies.o1(), b -> b.put("prompt", "a".repeat(2501)))).assertQueued();
      api.create(Bodies.with(Bodies.o1(), b -> b.remove("prompt")))
          .assertError(400, "002015001", "prompt", "o1.prompt.required");
    }
  }

  @Test
  void healthAnswersWithoutAKey() {
    try (KirinMockServer server = KirinMockServer.start(config -> config.port(0))) {
      MockApi.Reply reply = new MockApi(server.baseUrl(), null).get("/health");
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.json().path("status").asText()).isEqualTo("ok");
    }
  }

  @Test
  void theSpecIsServedAtOpenapiYaml() throws Exception {
    try (KirinMockServer server = KirinMockServer.start(config -> config.port(0))) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.baseUrl() + "/openapi.yaml")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("yaml"));
      assertThat(response.body()).isEqualTo(SPEC.yaml());
    }
  }

  @Test
  void theHandleReportsItsPortAndStopsOnce() {
    KirinMockServer server = KirinMockServer.start(config -> config.port(0));
    assertThat(server.port()).isPositive();
    assertThat(server.baseUrl()).isEqualTo("http://localhost:" + server.port());
    server.stop();
    server.stop();
  }

  @Test
  void aPortAlreadyInUseFailsTheStartInsteadOfHanging() {
    try (KirinMockServer first = KirinMockServer.start(config -> config.port(0))) {
      assertThatThrownBy(() -> KirinMockServer.start(config -> config.port(first.port())))
          .isInstanceOf(RuntimeException.class);
    }
  }
}
