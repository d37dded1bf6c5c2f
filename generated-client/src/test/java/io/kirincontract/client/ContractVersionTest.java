package io.kirincontract.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kirincontract.client.errors.KirinNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client knows the contract version it was generated from, and the one the server reports. */
class ContractVersionTest {

  private final StubServer stub = StubServer.start();
  private final KirinClient client = Fixtures.client(stub, new ManualTime()).build();

  @AfterEach
  void stop() {
    client.close();
    stub.close();
  }

  @Test
  void theGeneratedFromVersionIsInfoVersionOfTheSpec() throws IOException {
    try (InputStream spec = getClass().getClassLoader().getResourceAsStream("kirin-api.yaml")) {
      String infoVersion = new YAMLMapper().readTree(spec).at("/info/version").asText();
      assertThat(KirinClient.CONTRACT_VERSION).isNotEmpty().isEqualTo(infoVersion);
    }
  }

  @Test
  void theServersVersionIsUnknownBeforeAnAnswerCarriesIt() {
    stub.respond(200, Fixtures.task("TaskQueued"));

    client.get("task_01JDX8Z6Q2W3E4R5T6Y7U8I9O0");

    assertThat(client.serverContractVersion()).isEmpty();
  }

  @Test
  void theServersVersionIsTheOneItsLatestAnswerReported() {
    stub.respond(200, Fixtures.task("TaskQueued"), KirinClient.CONTRACT_VERSION_HEADER, "1.4.0");
    stub.respond(404, "{\"error\":{\"code\":\"task_not_found\",\"error_message\":\"no such task\"}}",
        KirinClient.CONTRACT_VERSION_HEADER, "2.0.0");

    client.get("task_01JDX8Z6Q2W3E4R5T6Y7U8I9O0");
    assertThat(client.serverContractVersion()).contains("1.4.0");

    assertThatThrownBy(() -> client.get("task_01JDX8Z6Q2W3E4R5T6Y7U8I9O0")).isInstanceOf(KirinNotFoundException.class);
    assertThat(client.serverContractVersion()).contains("2.0.0");
  }

  @Test
  void aServerOfTheSameMajorVersionIsCompatibleAndOfAnotherIsNot() {
    int major = Integer.parseInt(KirinClient.CONTRACT_VERSION.split("\\.")[0]);

    assertThat(KirinClient.isCompatibleWith(major + ".99.3")).isTrue();
    assertThat(KirinClient.isCompatibleWith((major + 1) + ".0.0")).isFalse();
    assertThat(KirinClient.isCompatibleWith("not-a-version")).isFalse();
    assertThat(KirinClient.isCompatibleWith(null)).isFalse();
  }
}
