package io.kirincontract.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.support.MockServerExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bodies far larger or deeper than any real request, each answered within the timeout with a 4xx in the envelope or
 * a valid Task, and the server healthy afterwards.
 */
class HugeInputTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final int TEN_MB = 10 * 1024 * 1024;

  @RegisterExtension
  static final MockServerExtension MOCK =
      MockServerExtension.builder()
          .configure(config -> config.manualClock(Instant.parse("2026-11-22T10:00:00Z")).mediaFetch(false))
          .build();

  private final KirinMockServer server = MOCK.server();
  private final FuzzClient client = new FuzzClient(server.port(), TIMEOUT);

  @AfterEach
  void theServerStaysHealthy() {
    assertThat(Health.answers(server.port(), Duration.ofSeconds(10))).isTrue();
  }

  @Test
  void aBodyNested100000LevelsDeepIsInvalidJson() throws Exception {
    String body = "[".repeat(100_000) + "]".repeat(100_000);
    assertThat(send("100,000 nested arrays", body)).contains("\"code\":\"invalid_json\"");
  }

  @Test
  void aFieldNested100000LevelsDeepIsInvalidJson() throws Exception {
    String body =
        "{\"model\":\"kirin_v3_t2v\",\"prompt\":" + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000) + "}";
    assertThat(send("100,000 nested objects in prompt", body)).contains("\"code\":\"invalid_json\"");
  }

  @Test
  void aTenMegabytePromptIsAFieldError() throws Exception {
    String body = "{\"model\":\"kirin_v3_t2v\",\"prompt\":\"" + "a".repeat(TEN_MB) + "\"}";
    assertThat(send("10 MB prompt", body)).contains("\"rule\":\"v3t2v.prompt.max-length\"");
  }

  @Test
  void aTenMegabyteStringOfEmojiInAnEnumFieldIsAFieldError() throws Exception {
    String body =
        "{\"model\":\"kirin_video_o1\",\"prompt\":\"a\",\"aspect_ratio\":\"" + "\uD83E\uDD8A".repeat(TEN_MB / 4)
            + "\"}";
    assertThat(send("10 MB of emoji as aspect_ratio", body)).contains("\"param\":\"aspect_ratio\"");
  }

  @Test
  void aTenMegabyteFieldNameIsInvalidJson() throws Exception {
    String body = "{\"model\":\"kirin_v3_t2v\",\"prompt\":\"a\",\"" + "k".repeat(TEN_MB) + "\":1}";
    assertThat(send("10 MB field name", body)).contains("\"code\":\"invalid_json\"");
  }

  @Test
  void aNumberOfAMillionDigitsIsInvalidJson() throws Exception {
    String body = "{\"model\":\"kirin_v3_t2v\",\"prompt\":\"a\",\"duration\":" + "9".repeat(1_000_000) + "}";
    assertThat(send("a million-digit number", body)).contains("\"code\":\"invalid_json\"");
  }

  @Test
  void fiftyThousandShotsAreAFieldError() throws Exception {
    StringBuilder body = new StringBuilder("{\"model\":\"kirin_v3_t2v\",\"multi_shot\":true,\"multi_prompt\":[");
    for (int i = 0; i < 50_000; i++) {
      body.append(i == 0 ? "" : ",").append("{\"index\":1,\"prompt\":\"p\",\"duration\":\"1\"}");
    }
    body.append("]}");
    assertThat(send("50,000 shots", body.toString())).contains("\"param\":\"multi_prompt\"");
  }

  @Test
  void aHundredThousandUnknownFieldsGiveATaskWithAHundredAndOneWarnings() throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("{\"model\":\"kirin_v3_t2v\",\"prompt\":\"a\"".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 100_000; i++) {
      body.writeBytes((",\"unknown_" + i + "\":" + i).getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes("}".getBytes(StandardCharsets.UTF_8));
    assertThat(send("100,000 unknown fields", body.toByteArray()))
        .contains("99900 more properties are not parameters of kirin_v3_t2v");
  }

  private String send(String says, String body) throws Exception {
    return send(says, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends a create request and checks the property; returns the answer's text. */
  private String send(String says, byte[] body) throws Exception {
    Probe probe = Probe.create(says, body);
    Answer answer = client.send(probe);
    assertThat(Verdict.problem(probe, answer)).as(says).isEmpty();
    return answer.text();
  }
}
