package io.kirincontract.mock.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Image inspection sits in the hot path of load benchmarks: past base64 decoding, reading a 1 MB
 * image's header must cost next to nothing. Bounds are loose (shared build machines); a full decode
 * would miss them by far.
 */
class ImageInspectionSpeedTest {

  private final ImageHeaderReader reader = new ImageHeaderReader();

  @Test
  void readingTheHeaderOfAOneMegabytePngOrJpegTakesWellUnderAMillisecond() throws IOException {
    for (String format : new String[] {"png", "jpeg"}) {
      byte[] image = noise(format, 1_000_000);
      assertThat(image.length).as(format + " size").isBetween(900_000, 2_000_000);

      long median = medianNanos(() -> reader.read(image, MediaSource.BASE64));

      assertThat(median).as(format + " header read, median ns").isLessThan(1_000_000);
    }
  }

  @Test
  void inspectingOneMegabyteOfBase64CostsLittleMoreThanDecodingIt() throws IOException {
    String text = Fixtures.base64(noise("jpeg", 1_000_000));
    MediaInspector inspector = new DefaultMediaInspector(Fixtures.settings());

    long decode = medianNanos(() -> Base64Media.decode(text));
    long inspect = medianNanos(() -> inspector.inspectImage(text));

    assertThat(inspect - decode).as("inspection beyond decoding, median ns").isLessThan(2_000_000);
  }

  private static long medianNanos(Runnable work) {
    for (int i = 0; i < 200; i++) {
      work.run();
    }
    long[] samples = new long[101];
    for (int i = 0; i < samples.length; i++) {
      long start = System.nanoTime();
      work.run();
      samples[i] = System.nanoTime() - start;
    }
    Arrays.sort(samples);
    return samples[samples.length / 2];
  }

  /** Random pixels compress badly: a square of them is about {@code targetBytes} once encoded. */
  private static byte[] noise(String format, int targetBytes) throws IOException {
    int side =
        format.equals("png")
            ? (int) Math.sqrt(targetBytes / 3.0) + 10
            : (int) Math.sqrt(targetBytes / 0.6);
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(42);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        image.setRGB(x, y, random.nextInt());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }
}
