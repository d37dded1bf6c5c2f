package io.kirincontract.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.client.model.KirinV21MasterI2vRequest;
import io.kirincontract.client.model.KirinV2MasterT2vRequest;
import io.kirincontract.client.model.KirinV3I2vRequest;
import io.kirincontract.client.model.KirinV3T2vRequest;
import io.kirincontract.client.model.KirinVideoO1Request;
import io.kirincontract.client.model.VideoGenerationRequest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RequestExamplesDeserializationTest {

  private static final Map<String, Class<?>> CLASS_BY_MODEL =
      Map.of(
          "kirin_v3_t2v", KirinV3T2vRequest.class,
          "kirin_video_o1", KirinVideoO1Request.class,
          "kirin_v3_i2v", KirinV3I2vRequest.class,
          "kirin_v2_master_t2v", KirinV2MasterT2vRequest.class,
          "kirin_v2_1_master_i2v", KirinV21MasterI2vRequest.class);

  @TestFactory
  Stream<DynamicTest> everyRequestExampleOfTheSpecIsReadIntoTheClassOfItsModel() {
    return SpecFile.requestExamples().entrySet().stream()
        .map(
            example ->
                DynamicTest.dynamicTest(
                    "the request example " + example.getKey() + " is read as its model's request class",
                    () -> {
                      JsonNode json = example.getValue();
                      VideoGenerationRequest request = Json.read(json, VideoGenerationRequest.class);

                      assertThat(request.getActualInstance())
                          .isExactlyInstanceOf(CLASS_BY_MODEL.get(json.get("model").asText()));
                      assertThat(Json.written(request)).isEqualTo(SpecFile.requestWithDefaults(json));
                    }));
  }

  @Test
  void theRequestExamplesCoverEveryModel() {
    assertThat(SpecFile.requestExamples().values().stream().map(json -> json.get("model").asText()).distinct())
        .containsExactlyInAnyOrderElementsOf(CLASS_BY_MODEL.keySet());
  }
}
