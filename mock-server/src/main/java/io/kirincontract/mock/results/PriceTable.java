package io.kirincontract.mock.results;

import io.kirincontract.mock.tasks.TaskMetadata;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * What a completed task costs, in USD: a price per second of output by model and mode, plus a surcharge per second
 * when sound is on, times the output duration rounded to the second (an edit of a 4.625 s video is billed 5 s), with
 * 4 decimals. The mock's own illustrative prices (the provider's
 * documents give none); documented in {@code docs/mock-lifecycle.md}. {@code usage.discount} is always 0.
 *
 * <table>
 *   <caption>USD per second of output</caption>
 *   <tr><th>model</th><th>std</th><th>pro</th><th>sound on, extra</th></tr>
 *   <tr><td>kirin_v3_t2v, kirin_v3_i2v</td><td>0.07</td><td>0.10</td><td>0.02</td></tr>
 *   <tr><td>kirin_video_o1</td><td>0.08</td><td>0.12</td><td>0.02</td></tr>
 *   <tr><td>kirin_v2_master_t2v</td><td>0.05</td><td>-</td><td>-</td></tr>
 *   <tr><td>kirin_v2_1_master_i2v</td><td>0.07</td><td>-</td><td>-</td></tr>
 * </table>
 */
public final class PriceTable {

  /** Per-second prices of one model. */
  public record Rate(BigDecimal std, BigDecimal pro, BigDecimal sound) {}

  private static final Rate V3 = rate("0.07", "0.10", "0.02");

  private static final Map<String, Rate> RATES =
      Map.of(
          "kirin_v3_t2v", V3,
          "kirin_v3_i2v", V3,
          "kirin_video_o1", rate("0.08", "0.12", "0.02"),
          "kirin_v2_master_t2v", rate("0.05", "0.05", "0"),
          "kirin_v2_1_master_i2v", rate("0.07", "0.07", "0"));

  /** The rates of a model. */
  public Rate rate(String model) {
    Rate rate = RATES.get(model);
    if (rate == null) {
      throw new IllegalArgumentException("no price for model " + model);
    }
    return rate;
  }

  /** The cost of a task of {@code model} that resolved to {@code metadata}: {@code "0.3500"}. */
  public String cost(String model, TaskMetadata metadata) {
    Rate rate = rate(model);
    BigDecimal perSecond = "pro".equals(metadata.mode()) ? rate.pro() : rate.std();
    if ("on".equals(metadata.sound())) {
      perSecond = perSecond.add(rate.sound());
    }
    BigDecimal billedSeconds = BigDecimal.valueOf(metadata.duration()).setScale(0, RoundingMode.HALF_UP);
    return perSecond.multiply(billedSeconds).setScale(4, RoundingMode.HALF_UP).toPlainString();
  }

  private static Rate rate(String std, String pro, String sound) {
    return new Rate(new BigDecimal(std), new BigDecimal(pro), new BigDecimal(sound));
  }
}
