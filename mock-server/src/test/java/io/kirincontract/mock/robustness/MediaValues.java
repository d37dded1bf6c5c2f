package io.kirincontract.mock.robustness;

import io.kirincontract.mock.media.SyntheticMedia;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Values for the image and video fields: real images, the same cut at any byte, bytes flipped in their headers,
 * headers that claim absurd sizes, base64 that is not base64, other encodings and URLs. The server under test does
 * not fetch URLs, so URLs only reach the value checks.
 */
final class MediaValues {

  private static final List<byte[]> IMAGES =
      List.of(
          SyntheticMedia.png(300, 300),
          SyntheticMedia.jpeg(320, 480),
          SyntheticMedia.png(1000, 300),
          SyntheticMedia.gif(300, 300),
          SyntheticMedia.png(16, 16));

  private static final byte[] PNG = SyntheticMedia.png(300, 300);

  private static final byte[] VIDEO_HEAD = Arrays.copyOf(SyntheticMedia.mp4(1280, 720, 24, 3), 4096);

  private MediaValues() {}

  static String any(SplittableRandom random) {
    return switch (random.nextInt(12)) {
      case 0 -> base64(image(random));
      case 1, 2 -> base64(truncated(random, image(random)));
      case 3 -> base64(flipped(random, image(random)));
      case 4 -> base64(absurdPngSize(random));
      case 5 -> notBase64(random, base64(image(random)));
      case 6 -> "data:image/png;base64," + base64(image(random));
      case 7 -> base64(randomBytes(random, Gen.size(4096).next(random)));
      case 8 -> base64(truncated(random, VIDEO_HEAD));
      case 9 -> url(random);
      case 10 -> base64(image(random)).replace('+', '-').replace('/', '_');
      default -> JsonValues.string(random);
    };
  }

  static byte[] image(SplittableRandom random) {
    return IMAGES.get(random.nextInt(IMAGES.size()));
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The first bytes only, cut anywhere (most often inside the header). */
  static byte[] truncated(SplittableRandom random, byte[] bytes) {
    int cut = random.nextBoolean() ? random.nextInt(Math.min(bytes.length, 64)) : random.nextInt(bytes.length);
    return Arrays.copyOf(bytes, cut);
  }

  static byte[] flipped(SplittableRandom random, byte[] bytes) {
    byte[] copy = bytes.clone();
    int flips = 1 + random.nextInt(4);
    for (int i = 0; i < flips; i++) {
      int at = random.nextInt(Math.min(copy.length, 200));
      copy[at] = (byte) random.nextInt(256);
    }
    return copy;
  }

  /** A PNG whose header claims a width and height of 0, negative or near 2^31 (its CRC left stale). */
  static byte[] absurdPngSize(SplittableRandom random) {
    byte[] png = PNG.clone();
    int[] sizes = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 299, 300, 65_535, 100_000};
    ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
    header.putInt(sizes[random.nextInt(sizes.length)]).putInt(sizes[random.nextInt(sizes.length)]);
    return png;
  }

  static byte[] randomBytes(SplittableRandom random, int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  /** Base64 text spoiled in one way: a stray character, padding inside, a cut that leaves a lone sixth. */
  static String notBase64(SplittableRandom random, String base64) {
    StringBuilder text = new StringBuilder(base64);
    int at = random.nextInt(text.length());
    switch (random.nextInt(6)) {
      case 0 -> text.insert(at, '!');
      case 1 -> text.insert(at, "==");
      case 2 -> text.setLength(text.length() - text.length() % 4 + 1);
      case 3 -> text.insert(at, '\u00e9');
      case 4 -> text.insert(at, "\n \t\r");
      default -> text.insert(at, '\u0000');
    }
    return text.toString();
  }

  static String url(SplittableRandom random) {
    return switch (random.nextInt(8)) {
      case 0 -> "http://127.0.0.1:1/image.png";
      case 1 -> "https://media.example.invalid/" + JsonValues.ascii(random, 20);
      case 2 -> "http://";
      case 3 -> "https://exa mple.invalid/a.png";
      case 4 -> "http://[::1/a.png";
      case 5 -> "HTTP://127.0.0.1:1/" + "a".repeat(Gen.size(10_000).next(random));
      case 6 -> "file:///etc/passwd";
      default -> "http://127.0.0.1:1/%zz%00.png";
    };
  }
}
