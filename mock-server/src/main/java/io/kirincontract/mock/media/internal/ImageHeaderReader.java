package io.kirincontract.mock.media.internal;

import io.kirincontract.mock.media.ImageFormat;
import io.kirincontract.mock.media.ImageInfo;
import io.kirincontract.mock.media.Inspection.Inspected;
import io.kirincontract.mock.media.Inspection.Unreadable;
import io.kirincontract.mock.media.Inspection;
import io.kirincontract.mock.media.MediaSource;

/**
 * Reads an image's format and dimensions from its header bytes: the format from the signature, then
 * the PNG {@code IHDR} chunk or the JPEG frame header ({@code SOFn}) through metadata-extractor.
 * Pixels are never decoded. Other content is named (through metadata-extractor's file type
 * detection) in the reason. Stateless and thread-safe.
 */
final class ImageHeaderReader {

  static final String ACCEPTED = "only JPEG and PNG images are accepted";

  /** Enough of each signature to tell the format even when the rest of the header is cut off. */
  private static final int[] PNG_MAGIC = {0x89, 'P', 'N', 'G'};

  private static final int[] JPEG_MAGIC = {0xFF, 0xD8};

  Inspection<ImageInfo> read(byte[] bytes, MediaSource source) {
    if (bytes.length == 0) {
      return new Unreadable<>("the image is empty (0 bytes)", source);
    }
    ImageFormat format;
    Dimensions dimensions;
    try {
      if (startsWith(bytes, PNG_MAGIC)) {
        format = ImageFormat.PNG;
        dimensions = PngDimensions.read(bytes);
      } else if (startsWith(bytes, JPEG_MAGIC)) {
        format = ImageFormat.JPEG;
        dimensions = JpegDimensions.read(bytes);
      } else {
        return new Unreadable<>(ContentSniffer.describe(bytes) + "; " + ACCEPTED, source);
      }
    } catch (UnreadableHeaderException e) {
      return new Unreadable<>(e.getMessage(), source);
    }
    return new Inspected<>(
        new ImageInfo(format, dimensions.width(), dimensions.height(), bytes.length), source);
  }

  private static boolean startsWith(byte[] bytes, int[] magic) {
    if (bytes.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((bytes[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /** Width and height in pixels, both positive. */
  record Dimensions(int width, int height) {}
}
