package io.kirincontract.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.client.model.KirinV2MasterT2vRequest;
import io.kirincontract.client.model.KirinV3I2vRequest;
import io.kirincontract.client.model.KirinV3T2vRequest;
import io.kirincontract.client.model.KirinVideoO1Request;
import io.kirincontract.client.model.O1VideoReference;
import io.kirincontract.client.requests.AspectRatio;
import io.kirincontract.client.requests.Mode;
import io.kirincontract.client.requests.ShotType;
import io.kirincontract.client.requests.VideoReferType;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The builders' shared enums hold exactly the values of the generated enums of every model that has the
 * field, so a value added to the spec cannot be missing from the builders unnoticed.
 */
class RequestEnumsTest {

  @Test
  void modeHasTheValuesOfEveryModelsMode() {
    List<String> values = values(Mode.values(), Mode::value);
    assertThat(values).containsExactlyElementsOf(spec(KirinV3T2vRequest.ModeEnum.class))
        .containsExactlyElementsOf(spec(KirinV3I2vRequest.ModeEnum.class))
        .containsExactlyElementsOf(spec(KirinVideoO1Request.ModeEnum.class));
  }

  @Test
  void aspectRatioHasTheValuesOfEveryModelsAspectRatio() {
    List<String> values = values(AspectRatio.values(), AspectRatio::value);
    assertThat(values).containsExactlyElementsOf(spec(KirinV3T2vRequest.AspectRatioEnum.class))
        .containsExactlyElementsOf(spec(KirinVideoO1Request.AspectRatioEnum.class))
        .containsExactlyElementsOf(spec(KirinV2MasterT2vRequest.AspectRatioEnum.class));
  }

  @Test
  void shotTypeAndVideoReferTypeHaveTheSpecsValues() {
    assertThat(values(ShotType.values(), ShotType::value))
        .containsExactlyElementsOf(spec(KirinV3T2vRequest.ShotTypeEnum.class))
        .containsExactlyElementsOf(spec(KirinV3I2vRequest.ShotTypeEnum.class));
    assertThat(values(VideoReferType.values(), VideoReferType::value))
        .containsExactlyElementsOf(spec(O1VideoReference.ReferTypeEnum.class));
  }

  @Test
  void soundAndKeepOriginalSoundAreTheTwoValuesTheBuildersWriteForABoolean() {
    assertThat(spec(KirinV3T2vRequest.SoundEnum.class)).containsExactly("on", "off");
    assertThat(spec(KirinV3I2vRequest.SoundEnum.class)).containsExactly("on", "off");
    assertThat(spec(O1VideoReference.KeepOriginalSoundEnum.class)).containsExactly("yes", "no");
  }

  private static <E> List<String> values(E[] constants, Function<E, String> value) {
    return Arrays.stream(constants).map(value).toList();
  }

  private static <E extends Enum<E>> List<String> spec(Class<E> generated) {
    return Arrays.stream(generated.getEnumConstants())
        .map(Object::toString)
        .filter(value -> !value.equals("unknown_default_open_api"))
        .toList();
  }
}
