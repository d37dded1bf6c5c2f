package io.kirincontract.mock.robustness;

import java.util.SplittableRandom;

/**
 * A generator of random values from a seeded source: the same source state gives the same value, so every generated
 * input can be produced again from the seed printed when it fails ({@link FuzzRun}).
 */
@FunctionalInterface
interface Gen<T> {

  T next(SplittableRandom random);

  /** One of the generators, each as likely. */
  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    return random -> gens[random.nextInt(gens.length)].next(random);
  }

  /** A size from 0 to {@code max}, mostly small: sizes near the small end matter more than the middle. */
  static Gen<Integer> size(int max) {
    return random -> {
      int bound =
          switch (random.nextInt(4)) {
            case 0 -> Math.min(max, 4);
            case 1 -> Math.min(max, 64);
            case 2 -> Math.min(max, 1024);
            default -> max;
          };
      return random.nextInt(bound + 1);
    };
  }
}
