package io.kirincontract.mock.validation.internal;

import static io.kirincontract.mock.support.Bodies.text;
import static io.kirincontract.mock.support.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MockApi;
import org.junit.jupiter.api.Test;

/**
 * Hibernate Validator is bootstrapped once per JVM: every server shares it, and a server that stops leaves it
 * working for the servers that start after it.
 */
class SharedBootstrapTest {

  /** A field limit that Hibernate Validator checks by cascading into the list of shots. */
  private static final ObjectNode LONG_SHOT_PROMPT =
      with(Bodies.v3t2vMultiShot(), b -> ((ObjectNode) b.withArray("multi_prompt").get(1)).put("prompt", text(513)));

  @Test
  void serversOfOneJvmShareOneBootstrap() {
    ValidationBootstrap first = ValidationBootstrap.shared();

    assertThat(ValidationBootstrap.shared()).isSameAs(first);
    assertThat(ValidationBootstrap.startInBackground().get()).isSameAs(first);
  }

  @Test
  void aStoppedServerLeavesValidationWorkingForTheNext() {
    try (KirinMockServer first = KirinMockServer.start(config -> config.port(0))) {
      new MockApi(first.baseUrl(), "shared-key")
          .create(LONG_SHOT_PROMPT)
          .assertError(400, "invalid_parameter", "multi_prompt[1].prompt", "v3t2v.multi_prompt.prompt.max-length");
    }

    try (KirinMockServer second = KirinMockServer.start(config -> config.port(0))) {
      MockApi api = new MockApi(second.baseUrl(), "shared-key");
      api.create(LONG_SHOT_PROMPT)
          .assertError(400, "invalid_parameter", "multi_prompt[1].prompt", "v3t2v.multi_prompt.prompt.max-length");
      api.create(Bodies.v3t2vMultiShot()).assertQueued();
    }
  }
}
