package io.kirincontract.mock.callbacks.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kirincontract.mock.EgressPolicy;
import io.kirincontract.mock.callbacks.CallbackSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The egress policy decides before any attempt; without a secret no attempt is signed (that a secret signs every
 * attempt as the client's verifier expects is {@code SignedCallbacksTest} of {@code mock-server/junit}, which has the
 * client).
 */
class EgressAndSignatureTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final byte[] BODY = "{\"id\":\"task-1\",\"status\":\"completed\"}".getBytes(UTF_8);
  private static final URI SPEC_EXAMPLE_HOOK = URI.create("https://hooks.example.com/kirin");

  @Test
  void aCallbackToAHostOutsideTheEgressPolicyIsLoggedAsBlockedAndNeverHandedToTheTransport() {
    AtomicInteger transportCalls = new AtomicInteger();
    CallbackDispatcher.TransportFactory failIfCalled =
        (settings, clientExecutor, senders, timers) ->
            (callback, attempt, signature) -> {
              transportCalls.incrementAndGet();
              return CompletableFuture.completedFuture(TransportResult.failure("must not be called"));
            };
    try (CallbackDispatcher dispatcher =
        new CallbackDispatcher(FastSettings.settings(), Clock.systemUTC(), failIfCalled)) {

      dispatcher.enqueue("tenant-a", "task-1", "processing", SPEC_EXAMPLE_HOOK, BODY);
      dispatcher.enqueue("tenant-a", "task-1", "completed", SPEC_EXAMPLE_HOOK, BODY);

      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
      assertThat(dispatcher.log().all())
          .allSatisfy(entry -> {
            assertThat(entry.outcome()).isEqualTo(DeliveryOutcome.BLOCKED);
            assertThat(entry.attempt()).isZero();
            assertThat(entry.httpStatus()).isNull();
            assertThat(entry.error())
                .isEqualTo("the egress policy (loopback) does not allow the host 'hooks.example.com'");
          })
          .extracting(DeliveryAttempt::status)
          .containsExactly("processing", "completed");
      CallbackStats stats = dispatcher.stats();
      assertThat(stats.blocked()).isEqualTo(2);
      assertThat(stats.attempts()).isZero();
      assertThat(stats.pending()).isZero();
      assertThat(stats.retries()).isZero();
      assertThat(transportCalls).hasValue(0);
    }
  }

  @Test
  void anAllowListLetsItsHostsThroughAndStillBlocksTheRest() {
    AtomicInteger transportCalls = new AtomicInteger();
    CallbackDispatcher.TransportFactory accepting =
        (settings, clientExecutor, senders, timers) ->
            (callback, attempt, signature) -> {
              transportCalls.incrementAndGet();
              return CompletableFuture.completedFuture(TransportResult.response(200));
            };
    CallbackSettings settings = FastSettings.builder().egress(EgressPolicy.parse("hooks.example.com")).build();
    try (CallbackDispatcher dispatcher = new CallbackDispatcher(settings, Clock.systemUTC(), accepting)) {

      dispatcher.enqueue("tenant-a", "task-1", "processing", SPEC_EXAMPLE_HOOK, BODY);
      dispatcher.enqueue("tenant-a", "task-2", "processing", URI.create("https://other.example.com/x"), BODY);

      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
      assertThat(dispatcher.stats().delivered()).isEqualTo(1);
      assertThat(dispatcher.stats().blocked()).isEqualTo(1);
      assertThat(transportCalls).hasValue(1);
    }
  }

  @Test
  void withoutASecretCallbacksCarryNoSignature() {
    try (CallbackReceiver receiver = CallbackReceiver.accepting();
        CallbackDispatcher dispatcher = new CallbackDispatcher(FastSettings.settings())) {

      dispatcher.enqueue("tenant-a", "task-1", "completed", receiver.url(), BODY);

      await().atMost(WAIT).until(() -> receiver.count() == 1);
      assertThat(receiver.received().get(0).headers().containsKey("X-Kirin-Signature")).isFalse();
    }
  }
}
