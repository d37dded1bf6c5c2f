package io.kirincontract.mock.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Strict UTF-8 at every offset, so that the eight-bytes-at-a-time ASCII path and the byte path agree. */
class Utf8Test {

  private static final byte[][] INVALID = {
    {(byte) 0xC0, (byte) 0xAF}, // over-long '/'
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
    {(byte) 0x80}, // a continuation byte without a lead
    {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
    {(byte) 0xE2, (byte) 0x82}, // cut at the end
  };

  @Test
  void theFirstInvalidByteIsFoundAfterAnyRunOfAscii() {
    for (int prefix = 0; prefix <= 40; prefix++) {
      for (byte[] bad : INVALID) {
        byte[] body = concat(ascii(prefix), bad);
        assertThat(Utf8.firstInvalid(body)).as("%d ASCII bytes, then %s", prefix, Arrays.toString(bad))
            .isEqualTo(prefix);
      }
    }
  }

  @Test
  void validTextAtEveryOffsetIsValid() {
    byte[] multibyte = "é€😀".getBytes(StandardCharsets.UTF_8);
    for (int prefix = 0; prefix <= 40; prefix++) {
      assertThat(Utf8.firstInvalid(concat(ascii(prefix), multibyte, ascii(prefix % 9)))).isEqualTo(-1);
    }
    assertThat(Utf8.firstInvalid(new byte[0])).isEqualTo(-1);
  }

  @Test
  void anInvalidByteAfterValidMultibyteTextIsFoundWhereItIs() {
    byte[] valid = concat(ascii(13), "é€".getBytes(StandardCharsets.UTF_8), ascii(17));
    assertThat(Utf8.firstInvalid(concat(valid, new byte[] {(byte) 0xC1, (byte) 0x81}))).isEqualTo(valid.length);
  }

  private static byte[] ascii(int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) 'A');
    return bytes;
  }

  private static byte[] concat(byte[]... parts) {
    int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
