package io.kirincontract.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kirincontract.client.errors.KirinSignatureException;
import io.kirincontract.client.errors.KirinSignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Verifying signed callbacks: {@code X-Kirin-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}. */
class KirinCallbackSignatureTest {

  private static final String SECRET = "whsec_test_secret";
  private static final long T = 1_764_669_600L; // 2025-12-02T10:00:00Z
  private static final byte[] BODY = "{\"id\":\"task_1\",\"status\":\"completed\"}".getBytes(StandardCharsets.UTF_8);
  /** Computed independently (Python's hmac module) for SECRET, T and BODY. */
  private static final String V1 = "3701c4994e05d7975f03a4d660dc844d14f10d45e9728bd48dbfcde9524639b0";

  private final KirinCallbackSignature verifier = at(Instant.ofEpochSecond(T).plusSeconds(30));

  private static KirinCallbackSignature at(Instant now) {
    return KirinCallbackSignature.withSecret(SECRET).withClock(Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void aSignatureMadeWithTheSecretOverTheRawBodyVerifies() {
    String header = "t=" + T + ",v1=" + V1;

    assertThat(verifier.isValid(header, BODY)).isTrue();
    assertThat(verifier.sign(T, BODY)).isEqualTo(header);
  }

  @Test
  void aTamperedBodyIsRefusedAsAMismatch() {
    byte[] tampered = "{\"id\":\"task_1\",\"status\":\"failed\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> verifier.verify("t=" + T + ",v1=" + V1, tampered))
        .isInstanceOfSatisfying(KirinSignatureException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISMATCH));
  }

  @Test
  void anotherSecretOrAnAlteredTimestampIsRefusedAsAMismatch() {
    KirinCallbackSignature other =
        KirinCallbackSignature.withSecret("another-secret").withClock(Clock.fixed(Instant.ofEpochSecond(T), ZoneOffset.UTC));

    assertThat(other.isValid("t=" + T + ",v1=" + V1, BODY)).isFalse();
    assertThatThrownBy(() -> verifier.verify("t=" + (T + 1) + ",v1=" + V1, BODY))
        .isInstanceOfSatisfying(KirinSignatureException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISMATCH));
  }

  @Test
  void aTimestampOlderThanFiveMinutesIsRefusedEvenWithACorrectSignature() {
    String header = "t=" + T + ",v1=" + V1;

    assertThat(at(Instant.ofEpochSecond(T).plusSeconds(300)).isValid(header, BODY)).isTrue();
    assertThatThrownBy(() -> at(Instant.ofEpochSecond(T).plusSeconds(301)).verify(header, BODY))
        .isInstanceOfSatisfying(
            KirinSignatureException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUTSIDE_TOLERANCE))
        .hasMessageContaining("301 s");
    assertThat(at(Instant.ofEpochSecond(T).minusSeconds(301)).isValid(header, BODY))
        .as("a timestamp more than the tolerance ahead of the receiver's clock")
        .isFalse();
    assertThat(at(Instant.ofEpochSecond(T).plusSeconds(3_000)).withTolerance(Duration.ofHours(1)).isValid(header, BODY))
        .isTrue();
  }

  @Test
  void aMissingOrMalformedHeaderIsRefusedWithItsReason() {
    assertThatThrownBy(() -> verifier.verify(null, BODY))
        .isInstanceOfSatisfying(KirinSignatureException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING));
    for (String header : new String[] {"v1=" + V1, "t=" + T, "t=soon,v1=" + V1, "garbage", "t=1,t=2,v1=" + V1}) {
      assertThatThrownBy(() -> verifier.verify(header, BODY))
          .as(header)
          .isInstanceOfSatisfying(
              KirinSignatureException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }
  }

  @Test
  void anyOfSeveralV1ValuesMayMatchAndUnknownSchemesAreIgnored() {
    assertThat(verifier.isValid("t=" + T + ",v1=" + "00".repeat(32) + ",v1=" + V1 + ",v0=abc", BODY)).isTrue();
    assertThat(verifier.isValid("t=" + T + ",v1=not-hex", BODY)).isFalse();
  }

  @Test
  void anEmptySecretIsRefusedAndTheSecretIsNeverShown() {
    assertThatThrownBy(() -> KirinCallbackSignature.withSecret(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(verifier.toString()).doesNotContain(SECRET);
  }
}
