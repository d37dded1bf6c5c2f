package io.kirincontract.mock.callbacks.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.client.KirinCallbackSignature;
import io.kirincontract.mock.callbacks.CallbackSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * With a secret the mock signs every callback attempt, and the client's {@link KirinCallbackSignature} accepts the
 * signature (here, beside the client: the mock's own module does not depend on it).
 */
class SignedCallbacksTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final byte[] BODY = "{\"id\":\"task-1\",\"status\":\"completed\"}".getBytes(UTF_8);

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
}
