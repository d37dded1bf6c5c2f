package io.kirincontract.mock.util.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyIdTest {

  @Test
  void aKeyIsNamedByThePrefixAndTheFirstTwelveHexDigitsOfItsSha256() {
    // printf my-key | sha256sum  ->  5e78863ed1ffb9fc66b1d616...
    assertThat(KeyId.of("my-key")).isEqualTo("key_5e78863ed1ff");
  }

  @Test
  void noKeyHasNoId() {
    assertThat(KeyId.of(null)).isNull();
  }
}
