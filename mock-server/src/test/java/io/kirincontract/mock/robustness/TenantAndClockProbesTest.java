package io.kirincontract.mock.robustness;

import static io.kirincontract.mock.support.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.admin.TaskQuery;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MockApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The probes of issue 13 that concern tenants, the clock and callback addresses, each at the size the issue
 * reported: what was a 503 for every key, a lost task, a 500 until restart or a silently accepted address is now a
 * clear answer. The durations printed are figures for docs/robustness.md.
 */
class TenantAndClockProbesTest {

  private static final Logger LOG = LoggerFactory.getLogger(TenantAndClockProbesTest.class);
  private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void oneKeyCreatingAThousandLongTasksMakesOnlyThatKeyWait() {
    try (KirinMockServer server =
        KirinMockServer.start(config -> config.port(0).manualClock(START).maxTasks(1_000).maxTasksPerKey(500))) {
      MockApi hog = new MockApi(server.baseUrl(), "hog");
      MockApi other = new MockApi(server.baseUrl(), "other");
      int accepted = 0;
      int refused = 0;
      long slowestRefusal = 0;
      for (int i = 0; i < 1_000; i++) {
        long start = System.nanoTime();
        MockApi.Reply reply = hog.create(Bodies.v3t2v(), "hold=processing");
        if (reply.status() == 200) {
          accepted++;
        } else {
          reply.assertError(429, "006001094", null, null);
          refused++;
          slowestRefusal = Math.max(slowestRefusal, micros(start));
        }
      }
      long start = System.nanoTime();
      other.create(Bodies.v3t2v()).assertQueued();
      long otherMicros = micros(start);
      LOG.info(
          "tenants: one key's 1,000 held creates (store 1,000, quota 500): {} accepted, {} refused 429 (slowest {} us);"
              + " another key's create 200 in {} us",
          accepted,
          refused,
          slowestRefusal,
          otherMicros);
      assertThat(accepted).isEqualTo(500);
      assertThat(refused).isEqualTo(500);
    }
  }

  @Test
  void anotherKeysThreeThousandCreatesEvictNoneOfYourFinishedTasks() {
    try (KirinMockServer server =
        KirinMockServer.start(config -> config.port(0).manualClock(START).maxTasks(1_000).maxTasksPerKey(500))) {
      MockApi mine = new MockApi(server.baseUrl(), "mine");
      MockApi theirs = new MockApi(server.baseUrl(), "theirs");
      List<String> kept = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        kept.add(mine.create(Bodies.v3t2v()).assertQueued().path("id").asText());
      }
      server.manualClock().advance(Duration.ofMinutes(1));
      long start = System.nanoTime();
      for (int i = 0; i < 3_000; i++) {
        theirs.create(Bodies.v3t2v()).assertQueued();
        if (i % 100 == 99) {
          server.manualClock().advance(Duration.ofMinutes(1));
        }
      }
      long millis = micros(start) / 1_000;
      for (String id : kept) {
        assertThat(mine.task(id).path("status").asText()).isEqualTo("completed");
      }
      LOG.info(
          "tenants: 3,000 creates of another key in {} ms evicted {} tasks, none of the 100 finished tasks of a key"
              + " under its quota",
          millis,
          server.admin().evictedTasks());
      assertThat(tasksOf(server, "theirs")).isEqualTo(500);
    }
  }

  @Test
  void aHugeClockAdvanceIsRefusedAtOnceAndTheNextCreateWorks() {
    try (KirinMockServer server = KirinMockServer.start(config -> config.port(0).manualClock(START))) {
      MockApi api = new MockApi(server.baseUrl(), "k");
      api.admin("GET", "/__admin/clock", null); // the first request of a server warms it up; not measured
      long start = System.nanoTime();
      api.admin("POST", "/__admin/clock/advance", "{\"duration\": \"P1000000000D\"}")
          .assertError(400, "invalid_parameter", "duration", null);
      long refused = micros(start);
      start = System.nanoTime();
      String createdAt = api.create(Bodies.v3t2v()).assertQueued().path("created_at").asText();
      LOG.info(
          "clock: P1000000000D refused in {} us; the next create 200 in {} us, created_at {}",
          refused,
          micros(start),
          createdAt);
      assertThat(createdAt).isEqualTo("2026-11-22T10:00:00Z");
    }
  }

  @Test
  void undeliverableCallbackUrlsAreRefusedAtCreateAndNoDeliveryIsTried() {
    try (KirinMockServer server = KirinMockServer.start(config -> config.port(0).manualClock(START))) {
      MockApi api = new MockApi(server.baseUrl(), "k");
      api.create(Bodies.v3t2v()).assertQueued(); // the first request of a server warms it up; not measured
      server.admin().reset();
      long start = System.nanoTime();
      for (String url :
          List.of("ftp://example.com/h", "file:///etc/passwd", "mailto:ops@example.com", "http://127.0.0.1:0/h")) {
        api.create(with(Bodies.v3t2v(), b -> b.put("callback_url", url)))
            .assertError(400, "invalid_parameter", "callback_url", "v3.callback-url.deliverable");
      }
      long millis = micros(start) / 1_000;
      server.manualClock().advance(Duration.ofMinutes(1));
      LOG.info(
          "callbacks: 4 undeliverable callback_url refused in {} ms in all; tasks {}, delivery attempts {}",
          millis,
          server.admin().taskCount(),
          server.admin().deliveries().size());
      assertThat(server.admin().taskCount()).isZero();
      assertThat(server.admin().deliveries()).isEmpty();
    }
  }

  private static long micros(long start) {
    return (System.nanoTime() - start) / 1_000;
  }

  /** The tasks the mock holds for {@code key}, through the admin interface. */
  private static int tasksOf(KirinMockServer server, String key) {
    return server.admin().tasks(TaskQuery.all().withKey(key).page(0, TaskQuery.MAX_LIMIT)).size();
  }
}
