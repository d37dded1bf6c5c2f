package io.kirincontract.mock.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base64MediaTest {

  @Test
  void theSizeFromTheLengthMatchesTheDecodedSizeForEveryRemainder() {
    Random random = new Random(7);
    for (int length = 0; length < 200; length++) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      String padded = Base64.getEncoder().encodeToString(bytes);
      String unpadded = Base64.getEncoder().withoutPadding().encodeToString(bytes);
      String wrapped = Base64.getMimeEncoder().encodeToString(bytes);

      assertThat(Base64Media.decodedSize(padded)).as("padded, %d bytes", length).isEqualTo(length);
      assertThat(Base64Media.decodedSize(unpadded))
          .as("unpadded, %d bytes", length)
          .isEqualTo(length);
      assertThat(Base64Media.decodedSize(wrapped))
          .as("wrapped, %d bytes", length)
          .isEqualTo(length);
      assertThat(Base64Media.decodedSizeUpperBound(wrapped)).isGreaterThanOrEqualTo(length);
      assertThat(Base64Media.decode(wrapped)).isEqualTo(bytes);
      assertThat(Base64Media.decode(unpadded)).isEqualTo(bytes);
    }
  }

  @Test
  void invalidTextIsRefusedWithItsPosition() {
    assertThatThrownBy(() -> Base64Media.decode("AAAA\nAA\u00e9A"))
        .isInstanceOf(Base64Media.InvalidBase64Exception.class)
        .hasMessage(
            "not valid base64: character U+00E9 at position 7 is not in the base64 alphabet");
  }

  @Test
  void paddingInTheMiddleIsRefused() {
    assertThatThrownBy(() -> Base64Media.decode("AA==AAAA")).hasMessageContaining("'=' padding");
  }

  @Test
  void textWithoutWhitespaceTakesTheFastPathsAndIsJudgedAlike() {
    assertThatThrownBy(() -> Base64Media.decode("AAAAAA\u00e9A"))
        .hasMessage("not valid base64: character U+00E9 at position 6 is not in the base64 alphabet");
    assertThatThrownBy(() -> Base64Media.decode("AAAA-_AA"))
        .hasMessageContaining("URL-safe alphabet");
    assertThatThrownBy(() -> Base64Media.decode("AAAAA")).hasMessageContaining("looks truncated");
    for (String text : new String[] {"", "AA", "AAA", "AAAA", "AA==", "AAA=", "AAAAAA==", "AAAA===", "AAAAA"}) {
      String wrapped = text.isEmpty() ? text : text.charAt(0) + "\n" + text.substring(1);
      assertThat(Base64Media.decodedSize(text)).as("size of %s", text).isEqualTo(Base64Media.decodedSize(wrapped));
    }
  }
}
