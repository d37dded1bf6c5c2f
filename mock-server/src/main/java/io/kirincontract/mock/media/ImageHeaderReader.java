package io.kirincontract.mock.media;

import com.drew.imaging.FileType;
import io.kirincontract.mock.media.Inspection.Inspected;
import io.kirincontract.mock.media.Inspection.Unreadable;

/**
 * Reads an image's format and dimensions from its header bytes: the PNG {@code IHDR} chunk or the JPEG frame
 * header ({@code SOFn}), through metadata-extractor. Pixels are never decoded. Stateless and thread-safe.
 */
final class ImageHeaderReader {

  static final String ACCEPTED = "only JPEG and PNG images are accepted";

  Inspection<ImageInfo> read(byte[] bytes, MediaSource source) {
    if (bytes.length == 0) {
      return new Unreadable<>("the image is empty (0 bytes)", source);
    }
    FileType type = ContentSniffer.detect(bytes);
    ImageFormat format;
    Dimensions dimensions;
    try {
      if (type == FileType.Png) {
        format = ImageFormat.PNG;
        dimensions = PngDimensions.read(bytes);
      } else if (type == FileType.Jpeg) {
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

  /** Width and height in pixels, both positive. */
  record Dimensions(int width, int height) {}
}
