package io.kirincontract.mock.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MockApi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code callback_url} the mock could never deliver to is refused at create, naming what is wrong; every URL a
 * callback can be POSTed to is accepted.
 */
class CallbackUrlDeliverableTest {

  @ParameterizedTest(name = "{0} is refused: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ftp://example.com/hooks | uses ftp:",
        "file:///etc/passwd | uses file:",
        "mailto:ops@example.com | uses mailto:",
        "ws://example.com/socket | uses ws:",
        "http://127.0.0.1:0/hooks | has port 0",
        "http://example.com:65536/hooks | has port 65536",
        "https://example.com:99999999999/hooks | has no valid host name",
        "http:///hooks | has no valid host name",
        "http://exa mple.com/ | is not a URL",
        "/kirin/callbacks | has no scheme"
      })
  void anUndeliverableAddressIsRefusedSayingWhy(String url, String reason) {
    assertThat(CallbackUrlDeliverable.problem(url))
        .hasValueSatisfying(message -> assertThat(message).contains(reason).contains("http:// or https://"));
  }

  @ParameterizedTest(name = "{0} is accepted")
  @ValueSource(
      strings = {
        "http://127.0.0.1:1/hooks",
        "http://127.0.0.1:65535/hooks",
        "HTTPS://Example.COM/kirin?task=1#x",
        "http://[::1]:8080/hooks",
        "https://user:secret@example.com/hooks",
        "http://localhost/"
      })
  void aDeliverableAddressIsAccepted(String url) {
    assertThat(CallbackUrlDeliverable.problem(url)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void withABadInlineImageBothProblemsComeInTheSpecsOrderOfRules() {
    try (KirinMockServer server = KirinMockServer.start(config -> config.port(0))) {
      MockApi.Reply reply =
          new MockApi(server.baseUrl(), "k")
              .create(
                  Bodies.with(
                      Bodies.v3i2v("data:image/png;base64,iVBORw0KGgo="),
                      b -> b.put("callback_url", "ftp://example.com/hooks")));
      reply.assertError(400, "invalid_media", "image", "v3i2v.image.encoding");
      assertThat(reply.error().path("details").findValuesAsText("rule"))
          .containsExactly("v3i2v.image.encoding", "v3.callback-url.deliverable");
    }
  }

  @ParameterizedTest(name = "{0} over HTTP")
  @ValueSource(strings = {"ftp://example.com/hooks", "http://127.0.0.1:0/hooks"})
  void theCreateIsRefusedWith400AndTheRuleId(String url) {
    try (KirinMockServer server = KirinMockServer.start(config -> config.port(0))) {
      new MockApi(server.baseUrl(), "k")
          .create(Bodies.with(Bodies.v3t2v(), b -> b.put("callback_url", url)))
          .assertError(400, "invalid_parameter", "callback_url", "v3.callback-url.deliverable");
      assertThat(server.admin().taskCount()).isZero();
    }
  }
}
