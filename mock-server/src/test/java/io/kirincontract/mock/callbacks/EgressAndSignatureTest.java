package io.kirincontract.mock.callbacks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kirincontract.client.KirinCallbackSignature;
import io.kirincontract.mock.EgressPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The egress policy decides before any attempt; a secret signs every attempt so that receivers can verify it. */
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
  void withASecretEveryAttemptCarriesASignatureTheClientVerifierAcceptsAndATamperedBodyFails() {
    AtomicLong seconds = new AtomicLong(1_764_669_600L);
    Clock ticking = new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneId.of("UTC");
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return Instant.ofEpochSecond(seconds.getAndAdd(10)); // every reading 10 s later
      }
    };
    CallbackSettings settings = FastSettings.builder().signer(CallbackSigner.of("whsec_test_secret")).build();
    AtomicInteger calls = new AtomicInteger();
    try (CallbackReceiver receiver = CallbackReceiver.start(request -> calls.incrementAndGet() == 1 ? 500 : 200);
        CallbackDispatcher dispatcher = new CallbackDispatcher(settings, ticking)) {

      dispatcher.enqueue("tenant-a", "task-1", "completed", receiver.url(), BODY);

      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
      List<CallbackReceiver.Received> received = receiver.received();
      assertThat(received).hasSize(2);
      KirinCallbackSignature verifier =
          KirinCallbackSignature.withSecret("whsec_test_secret")
              .withClock(Clock.fixed(Instant.ofEpochSecond(seconds.get()), ZoneId.of("UTC")));
      List<String> headers = received.stream().map(r -> r.headers().getFirst("X-Kirin-Signature")).toList();
      for (int i = 0; i < received.size(); i++) {
        assertThat(verifier.isValid(headers.get(i), received.get(i).body())).as("attempt %d", i + 1).isTrue();
      }
      assertThat(headers.get(0)).as("a retry is signed afresh").isNotEqualTo(headers.get(1));
      byte[] tampered = new String(received.get(1).body(), UTF_8).replace("completed", "failed").getBytes(UTF_8);
      assertThat(verifier.isValid(headers.get(1), tampered)).isFalse();
      assertThat(KirinCallbackSignature.withSecret("another").isValid(headers.get(1), received.get(1).body())).isFalse();
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
