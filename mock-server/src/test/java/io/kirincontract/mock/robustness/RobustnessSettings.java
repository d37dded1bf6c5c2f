package io.kirincontract.mock.robustness;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * System properties of the robustness tests, all optional:
 *
 * <ul>
 *   <li>{@code kirin.fuzz.tries}: generated requests over all fuzz properties (default 20,000), shared among them
 *       by fixed weights;
 *   <li>{@code kirin.fuzz.seed}: the seed (default {@link #DEFAULT_SEED}, so that the build gives the same answer
 *       every time; {@code random} for a new one per run, printed, to explore);
 *   <li>{@code kirin.fuzz.try}: run only this try of each property (with the seed of a failed run);
 *   <li>{@code kirin.fuzz.threads}: client threads (default 4);
 *   <li>{@code kirin.load.tasks}: tasks of the load test (default 3,000).
 * </ul>
 */
final class RobustnessSettings {

  static final int DEFAULT_TRIES = 20_000;

  /** The seed of every default run: the build's fuzz sends the same inputs each time. */
  static final long DEFAULT_SEED = 20261202L;

  private static final long SEED = seed(System.getProperty("kirin.fuzz.seed"));

  private RobustnessSettings() {}

  static long seed() {
    return SEED;
  }

  /** The seed a value of {@code kirin.fuzz.seed} names: none is the default, {@code random} a new one. */
  static long seed(String property) {
    if (property == null || property.isBlank()) {
      return DEFAULT_SEED;
    }
    if (property.trim().equalsIgnoreCase("random")) {
      return ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
    }
    try {
      return Long.parseLong(property.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "kirin.fuzz.seed must be a whole number or random, not " + property, e);
    }
  }

  /** Total tries over all fuzz properties. */
  static int totalTries() {
    return Integer.getInteger("kirin.fuzz.tries", DEFAULT_TRIES);
  }

  /** A property's share of the total tries: {@code weight} per thousand, at least 1. */
  static int tries(int perMille) {
    return Math.max(1, (int) ((long) totalTries() * perMille / 1000));
  }

  static Optional<Integer> onlyTry() {
    return Optional.ofNullable(Integer.getInteger("kirin.fuzz.try"));
  }

  static int threads() {
    return Integer.getInteger("kirin.fuzz.threads", 4);
  }

  static int loadTasks() {
    return Integer.getInteger("kirin.load.tasks", 3_000);
  }
}
