package io.kirincontract.mock.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.spec.KirinSpec;
import org.junit.jupiter.api.Test;

/**
 * Which model's refused create gets a 401 code of its own is read from the spec's error catalogue, not written in the
 * mock: a copy of the spec that gives {@code 8002009006} to {@code kirin_v3_t2v} too makes the mock answer it for that
 * model, and the spec as it is keeps {@code unauthorized} for it.
 */
class UnauthorizedCodesTest {

  @Test
  void theCodeOfARefusedKeyFollowsTheErrorCatalogueOfTheSpec() throws Exception {
    String yaml = KirinSpec.load().yaml();
    String entry = "  - code: \"8002009006\"\n    models: [kirin_v2_1_master_i2v]";
    assertThat(yaml).contains(entry);
    KirinSpec changed =
        KirinSpec.parse(yaml.replace(entry, "  - code: \"8002009006\"\n    models: [kirin_v2_1_master_i2v, kirin_v3_t2v]"));

    try (KirinMockServer asIs = KirinMockServer.start(config -> config.port(0));
        KirinMockServer followed = KirinMockServer.start(config -> config.port(0).spec(changed))) {
      new MockApi(asIs.baseUrl(), null).create(Bodies.v3t2v()).assertError(401, "unauthorized", null, null);
      MockApi.Reply reply = new MockApi(followed.baseUrl(), null).create(Bodies.v3t2v());
      reply.assertError(401, "8002009006", null, null);
      assertThat(reply.error().path("error_message").asText()).startsWith("JWT authentication failed: ");
    }
  }
}
