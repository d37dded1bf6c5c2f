package io.kirincontract.mock.media.internal;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.jpeg.JpegReader;
import io.kirincontract.mock.media.internal.ImageHeaderReader.Dimensions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * JPEG width and height from the frame header ({@code SOF0}..{@code SOF15}). metadata-extractor
 * reads the marker segments up to the start of the scan; the compressed image data after it is
 * never read.
 */
final class JpegDimensions {

  private JpegDimensions() {}

  static Dimensions read(byte[] bytes) {
    Metadata metadata;
    try {
      metadata =
          JpegMetadataReader.readMetadata(
              new ByteArrayInputStream(bytes), List.of(new JpegReader()));
    } catch (JpegProcessingException | IOException e) {
      throw new UnreadableHeaderException("JPEG image is truncated or corrupt: " + e.getMessage());
    }
    JpegDirectory frame = metadata.getFirstDirectoryOfType(JpegDirectory.class);
    if (frame == null
        || !frame.containsTag(JpegDirectory.TAG_IMAGE_WIDTH)
        || !frame.containsTag(JpegDirectory.TAG_IMAGE_HEIGHT)) {
      throw new UnreadableHeaderException(
          "JPEG image is truncated or corrupt: no frame header (SOF marker) before the image data");
    }
    Integer width = frame.getInteger(JpegDirectory.TAG_IMAGE_WIDTH);
    Integer height = frame.getInteger(JpegDirectory.TAG_IMAGE_HEIGHT);
    if (width == null || height == null || width <= 0 || height <= 0) {
      throw new UnreadableHeaderException(
          "JPEG image is corrupt: its frame header gives " + width + "x" + height + " pixels");
    }
    return new Dimensions(width, height);
  }
}
