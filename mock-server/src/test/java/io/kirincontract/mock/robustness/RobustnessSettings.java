package io.kirincontract.mock.robustness;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * System properties of the robustness tests, all optional:
 *
 * <ul>
 *   <li>{@code kirin.fuzz.tries}: generated requests over all fuzz properties (default 20,000), shared among them
 *       by fixed weights;
 *   <li>{@code kirin.fuzz.seed}: the seed (default: a new one per run, printed);
 *   <li>{@code kirin.fuzz.try}: run only this try of each property (with the seed of a failed run);
 *   <li>{@code kirin.fuzz.threads}: client threads (default 4);
 *   <li>{@code kirin.load.tasks}: tasks of the load test (default 3,000).
 * </ul>
 */
final class RobustnessSettings {

  static final int DEFAULT_TRIES = 20_000;

  private static final long SEED =
      Long.getLong("kirin.fuzz.seed", ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);

  private RobustnessSettings() {}

  static long seed() {
    return SEED;
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
