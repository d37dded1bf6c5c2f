package io.kirincontract.mock.results.internal;

import io.kirincontract.mock.tasks.TaskMetadata;
import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.KirinSpecException;
import io.kirincontract.spec.ModelProfile;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a completed task costs, in USD: the model's price per second of output in the task's mode, plus its surcharge
 * per second when sound is on, times the output duration rounded to the second (an edit of a 4.625 s video is billed
 * 5 s), with 4 decimals. The prices are the {@code prices} of each model's {@code x-kirin-profile} in the spec: the
 * mock's own illustrative figures (the provider's documents give none), listed in {@code docs/mock-lifecycle.md}.
 * {@code usage.discount} is always 0.
 */
public final class PriceTable {

  private final KirinSpec spec;

  public PriceTable(KirinSpec spec) {
    this.spec = spec;
  }

  /**
   * The cost of a task of {@code model} that resolved to {@code metadata}: {@code "0.3500"}.
   *
   * @throws IllegalArgumentException for a model the spec does not know
   */
  public String cost(String model, TaskMetadata metadata) {
    ModelProfile.Prices prices = prices(model);
    BigDecimal perSecond = prices.perSecond(metadata.mode());
    if ("on".equals(metadata.sound())) {
      perSecond = perSecond.add(prices.sound());
    }
    BigDecimal billedSeconds = BigDecimal.valueOf(metadata.duration()).setScale(0, RoundingMode.HALF_UP);
    return perSecond.multiply(billedSeconds).setScale(4, RoundingMode.HALF_UP).toPlainString();
  }

  private ModelProfile.Prices prices(String model) {
    try {
      return spec.profile(model).prices();
    } catch (KirinSpecException e) {
      throw new IllegalArgumentException("no price for model " + model, e);
    }
  }
}
