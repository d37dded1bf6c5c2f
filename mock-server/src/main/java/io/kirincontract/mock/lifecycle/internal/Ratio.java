package io.kirincontract.mock.lifecycle.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

/** An aspect ratio, width to height, reduced. */
record Ratio(long w, long h) {

  /** Labels already parsed (aspect ratios are an enum of the spec: a handful), kept up to {@value #KEPT}. */
  private static final java.util.Map<String, Ratio> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

  private static final int KEPT = 64;

  static Ratio of(long width, long height) {
    long gcd = gcd(Math.abs(width), Math.abs(height));
    return gcd == 0 ? new Ratio(16, 9) : new Ratio(width / gcd, height / gcd);
  }

  static Ratio parse(String label) {
    Ratio known = PARSED.get(label);
    if (known != null) {
      return known;
    }
    String[] parts = label.split(":");
    Ratio ratio = of(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    if (PARSED.size() < KEPT) {
      PARSED.put(label, ratio);
    }
    return ratio;
  }

  /** As {@link BigInteger#gcd} gives it for these non-negative values (0 when both are 0). */
  private static long gcd(long a, long b) {
    while (b != 0) {
      long r = a % b;
      a = b;
      b = r;
    }
    return a;
  }

  String label() {
    return w + ":" + h;
  }

  /** This ratio, or the nearest of {@code max}:1 and 1:{@code max} when it lies outside them. */
  Ratio clamp(BigDecimal max) {
    BigDecimal exact = max.stripTrailingZeros();
    if (exact.scale() < 0) {
      exact = exact.setScale(0);
    }
    Ratio widest = of(exact.unscaledValue().longValueExact(), BigInteger.TEN.pow(exact.scale()).longValueExact());
    Ratio tallest = new Ratio(widest.h, widest.w);
    if (w * widest.h > h * widest.w) {
      return widest;
    }
    if (w * tallest.h < h * tallest.w) {
      return tallest;
    }
    return this;
  }

  int width(int shortSide) {
    return w >= h ? even(shortSide * (double) w / h) : shortSide;
  }

  int height(int shortSide) {
    return w >= h ? shortSide : even(shortSide * (double) h / w);
  }

  private static int even(double pixels) {
    return (int) (Math.round(pixels / 2.0) * 2);
  }
}
