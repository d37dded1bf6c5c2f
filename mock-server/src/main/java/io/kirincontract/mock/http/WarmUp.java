package io.kirincontract.mock.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.journal.BodySummary;
import io.kirincontract.mock.lifecycle.MetadataResolver;
import io.kirincontract.mock.problems.ProblemException;
import io.kirincontract.mock.tasks.Task;
import io.kirincontract.mock.tasks.TaskMetadata;
import io.kirincontract.mock.tasks.TaskRenderer;
import io.kirincontract.mock.tasks.TaskStatus;
import io.kirincontract.mock.validation.RequestValidator;
import io.kirincontract.mock.validation.ValidatedRequest;
import io.kirincontract.spec.KirinSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the mock's own part of a create (parse, check, rules, what the task resolves to, rendering, the journal's
 * summary, the error envelope) on the spec's request examples and on broken copies of them, for a bounded time
 * before the server answers its first request: a fresh JVM interprets that code until the JIT has compiled it, and
 * the first seconds of a test run are spent there. Nothing is stored, recorded or logged; examples that name a URL
 * are left out (no media is fetched).
 */
final class WarmUp {

  private WarmUp() {}

  /** Runs until {@code budget} has passed (or a bounded number of rounds); returns the number of rounds run. */
  static int run(KirinSpec spec, RequestValidator validator, JsonBodyReader bodies, Duration budget) {
    if (budget.isZero() || budget.isNegative()) {
      return 0;
    }
    List<byte[]> valid = new ArrayList<>();
    List<byte[]> invalid = new ArrayList<>();
    for (JsonNode example : spec.requestExamples().values()) {
      String text = example.toString();
      if (!example.isObject() || text.contains("://") || text.length() > JettyHandlers.EAGER_BYTES) {
        continue;
      }
      valid.add(text.getBytes(StandardCharsets.UTF_8));
      ObjectNode broken = example.deepCopy();
      broken.put("mode", "warm-up");
      broken.put("duration", "999");
      broken.put("callback_url", "not a uri");
      invalid.add(broken.toString().getBytes(StandardCharsets.UTF_8));
    }
    if (valid.isEmpty()) {
      return 0;
    }
    MetadataResolver resolver = new MetadataResolver(spec);
    TaskRenderer renderer = new TaskRenderer();
    long deadline = System.nanoTime() + budget.toNanos();
    int rounds = 0;
    while (System.nanoTime() < deadline && rounds < 20_000) {
      for (int i = 0; i < valid.size(); i++) {
        once(valid.get(i), validator, bodies, resolver, renderer);
        once(invalid.get(i), validator, bodies, resolver, renderer);
      }
      rounds++;
    }
    return rounds;
  }

  private static void once(
      byte[] body, RequestValidator validator, JsonBodyReader bodies, MetadataResolver resolver, TaskRenderer renderer) {
    try {
      JsonNode tree = bodies.parse(body);
      BodySummary.of(body, tree, false);
      ValidatedRequest request = validator.validate(tree);
      TaskMetadata metadata = resolver.resolve(request);
      Instant now = Instant.now();
      renderer.bytes(
          new Task("task_warm_up", "warm-up", request.model(), TaskStatus.QUEUED, null, now, now, metadata, null, null));
    } catch (ProblemException e) {
      ErrorEnvelope.of(e.problems());
    } catch (RuntimeException e) {
      // a warm-up never stops a start
    }
  }
}
