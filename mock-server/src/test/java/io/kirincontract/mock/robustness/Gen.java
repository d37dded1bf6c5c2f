package io.kirincontract.mock.robustness;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A generator of random values from a seeded source: the same seed gives the same value, so every generated input
 * can be produced again from the seed printed when it fails. A handful of combinators is all the fuzz tests need.
 */
@FunctionalInterface
interface Gen<T> {

  T next(SplittableRandom random);

  default <R> Gen<R> map(Function<? super T, ? extends R> f) {
    return random -> f.apply(next(random));
  }

  default <R> Gen<R> flatMap(Function<? super T, Gen<R>> f) {
    return random -> f.apply(next(random)).next(random);
  }

  static <T> Gen<T> constant(T value) {
    return random -> value;
  }

  /** One of the values, each as likely. */
  @SafeVarargs
  static <T> Gen<T> element(T... values) {
    return elementOf(List.of(values));
  }

  static <T> Gen<T> elementOf(List<T> values) {
    return random -> values.get(random.nextInt(values.size()));
  }

  /** One of the generators, each as likely. */
  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    return random -> gens[random.nextInt(gens.length)].next(random);
  }

  /** A generator picked by weight: {@code weighted(3, a).or(1, b)} picks a three times as often as b. */
  static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
    return new Weighted<T>(List.of()).or(weight, gen);
  }

  static Gen<Integer> between(int min, int maxInclusive) {
    return random -> random.nextInt(min, maxInclusive + 1);
  }

  /** Mostly small numbers, sometimes up to {@code max}: sizes near the edges matter more than the middle. */
  static Gen<Integer> size(int max) {
    return random -> {
      int bound = switch (random.nextInt(4)) {
        case 0 -> Math.min(max, 4);
        case 1 -> Math.min(max, 64);
        case 2 -> Math.min(max, 1024);
        default -> max;
      };
      return random.nextInt(bound + 1);
    };
  }

  /** Weighted choice among generators. */
  record Weighted<T>(List<Choice<T>> choices) implements Gen<T> {

    record Choice<T>(int weight, Gen<? extends T> gen) {}

    Weighted<T> or(int weight, Gen<? extends T> gen) {
      List<Choice<T>> more = new java.util.ArrayList<>(choices);
      more.add(new Choice<>(weight, gen));
      return new Weighted<>(List.copyOf(more));
    }

    @Override
    public T next(SplittableRandom random) {
      int total = choices.stream().mapToInt(Choice::weight).sum();
      int pick = random.nextInt(total);
      for (Choice<T> choice : choices) {
        pick -= choice.weight();
        if (pick < 0) {
          return choice.gen().next(random);
        }
      }
      throw new IllegalStateException("unreachable");
    }
  }
}
