package io.kirincontract.mock.robustness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Runs one property: {@code tries} generated probes sent from a few client threads, each answer checked by {@link
 * Verdict}. Try {@code i} is generated from {@code (seed, property name, i)} alone, so a failing try is produced
 * again by the same seed whatever the threads did; {@code -Dkirin.fuzz.try=i} runs that try alone.
 */
final class FuzzRun {

  /** A try whose answer broke the property. */
  record Failure(int index, String problem, Probe probe) {}

  /** The outcome of one property. */
  record Report(String name, long seed, int tries, Map<Integer, Long> statuses, List<Failure> failures, long millis) {

    /** {@code 400 x 812, 200 x 95, ...}. */
    String statusCounts() {
      return statuses.entrySet().stream()
          .map(entry -> entry.getKey() + " x " + entry.getValue())
          .collect(Collectors.joining(", "));
    }

    String failureReport() {
      StringBuilder text = new StringBuilder();
      text.append(failures.size())
          .append(" of ")
          .append(tries)
          .append(" tries of '")
          .append(name)
          .append("' broke the property (seed ")
          .append(seed)
          .append("; replay one with -Dkirin.fuzz.seed=")
          .append(seed)
          .append(" -Dkirin.fuzz.try=<index>):");
      failures.stream()
          .sorted(Comparator.comparingInt(Failure::index))
          .limit(8)
          .forEach(
              failure ->
                  text.append("\n- try ")
                      .append(failure.index())
                      .append(": ")
                      .append(failure.problem())
                      .append("\n  request: ")
                      .append(failure.probe().show()));
      return text.toString();
    }
  }

  private static final int KEPT_FAILURES = 50;

  private FuzzRun() {}

  static Report run(String name, int tries, Gen<Probe> gen, FuzzClient client) {
    long seed = RobustnessSettings.seed();
    List<Integer> indexes = RobustnessSettings.onlyTry().map(List::of).orElseGet(() -> range(tries));
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger failureCount = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(RobustnessSettings.threads());
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < RobustnessSettings.threads(); t++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < indexes.size(); i = next.getAndIncrement()) {
                    int index = indexes.get(i);
                    Probe probe = gen.next(random(seed, name, index));
                    String problem = attempt(client, probe, statuses);
                    if (problem != null && failureCount.incrementAndGet() <= KEPT_FAILURES) {
                      failures.add(new Failure(index, problem, probe));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a fuzz worker failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    Map<Integer, Long> counts = new TreeMap<>();
    statuses.forEach((status, count) -> counts.put(status, count.sum()));
    return new Report(
        name, seed, indexes.size(), counts, List.copyOf(failures), (System.nanoTime() - start) / 1_000_000);
  }

  /** The source of try {@code index} of property {@code name}. */
  static SplittableRandom random(long seed, String name, int index) {
    return new SplittableRandom(mix(mix(seed ^ name.hashCode()) + index));
  }

  private static String attempt(FuzzClient client, Probe probe, Map<Integer, LongAdder> statuses) {
    try {
      Answer answer = client.send(probe);
      statuses.computeIfAbsent(answer.status(), status -> new LongAdder()).increment();
      return Verdict.problem(probe, answer).orElse(null);
    } catch (RawHttp.NoAnswerException e) {
      statuses.computeIfAbsent(-1, status -> new LongAdder()).increment();
      return "no answer: " + e.getMessage();
    } catch (java.io.IOException e) {
      statuses.computeIfAbsent(-2, status -> new LongAdder()).increment();
      return "connection error: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (RuntimeException e) {
      return "the test's client failed: " + e;
    }
  }

  private static List<Integer> range(int n) {
    List<Integer> all = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      all.add(i);
    }
    return all;
  }

  /** SplitMix64's finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
