package io.kirincontract.mock.results.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kirincontract.mock.tasks.TaskMetadata;
import io.kirincontract.spec.KirinSpec;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The documented price table (the spec's model profiles): USD per second by model and mode, plus sound, times the
 * duration, 4 decimals.
 */
class PriceTableTest {

  private static final KirinSpec SPEC = KirinSpec.load();

  private final PriceTable prices = new PriceTable(SPEC);

  @ParameterizedTest(name = "{0} {1} {2} s sound {3} costs {4}")
  @CsvSource({
    "kirin_v3_t2v, std, 5, off, 0.3500",
    "kirin_v3_t2v, pro, 10, on, 1.2000",
    "kirin_v3_i2v, std, 8, on, 0.7200",
    "kirin_video_o1, pro, 7, on, 0.9800",
    "kirin_video_o1, std, 3, off, 0.2400",
    "kirin_v2_master_t2v, std, 10, off, 0.5000",
    "kirin_v2_1_master_i2v, std, 5, off, 0.3500"
  })
  void theCostIsThePerSecondPriceTimesTheDuration(String model, String mode, double seconds, String sound, String cost) {
    assertThat(prices.cost(model, metadata(mode, seconds, sound))).isEqualTo(cost);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"kirin_v9", "''"})
  void anUnknownModelHasNoPrice(String model) {
    assertThatThrownBy(() -> prices.cost(model, metadata("std", 5, "off"))).isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.api.Test
  void aPriceChangedInTheSpecIsThePriceCharged() {
    String changed = SPEC.yaml().replace("prices: {std: '0.05'}", "prices: {std: '0.06'}");
    assertThat(changed).isNotEqualTo(SPEC.yaml());
    PriceTable table = new PriceTable(KirinSpec.parse(changed));
    assertThat(table.cost("kirin_v2_master_t2v", metadata("std", 10, "off"))).isEqualTo("0.6000");
  }

  private static TaskMetadata metadata(String mode, double seconds, String sound) {
    return new TaskMetadata("720p", 1280, 720, 24, "16:9", seconds, mode, sound, false, "text_to_video", null,
        List.of(), List.of());
  }
}
