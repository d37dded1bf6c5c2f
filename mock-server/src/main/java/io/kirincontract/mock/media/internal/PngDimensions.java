package io.kirincontract.mock.media.internal;

import com.drew.imaging.png.PngChunk;
import com.drew.imaging.png.PngChunkReader;
import com.drew.imaging.png.PngChunkType;
import com.drew.imaging.png.PngHeader;
import com.drew.imaging.png.PngProcessingException;
import com.drew.lang.SequentialByteArrayReader;
import io.kirincontract.mock.media.internal.ImageHeaderReader.Dimensions;
import java.io.IOException;
import java.util.Set;

/**
 * PNG width and height from the {@code IHDR} chunk. The chunk list is walked to {@code IEND} (chunk
 * bodies are skipped, not read), so a cut-off file is reported as truncated.
 */
final class PngDimensions {

  private static final Set<PngChunkType> HEADER_ONLY = Set.of(PngChunkType.IHDR);

  private PngDimensions() {}

  static Dimensions read(byte[] bytes) {
    Iterable<PngChunk> chunks;
    try {
      chunks = new PngChunkReader().extract(new SequentialByteArrayReader(bytes), HEADER_ONLY);
    } catch (IOException e) {
      throw new UnreadableHeaderException(
          "PNG image is truncated: its data ends before the IEND chunk ("
              + bytes.length
              + " bytes)");
    } catch (PngProcessingException e) {
      throw new UnreadableHeaderException("PNG image is corrupt: " + e.getMessage());
    }
    for (PngChunk chunk : chunks) {
      return dimensions(chunk);
    }
    throw new UnreadableHeaderException("PNG image is corrupt: it has no IHDR header chunk");
  }

  private static Dimensions dimensions(PngChunk ihdr) {
    PngHeader header;
    try {
      header = new PngHeader(ihdr.getBytes());
    } catch (PngProcessingException e) {
      throw new UnreadableHeaderException("PNG image is corrupt: " + e.getMessage());
    }
    if (header.getImageWidth() <= 0 || header.getImageHeight() <= 0) {
      throw new UnreadableHeaderException(
          "PNG image is corrupt: its header gives "
              + header.getImageWidth()
              + "x"
              + header.getImageHeight()
              + " pixels");
    }
    return new Dimensions(header.getImageWidth(), header.getImageHeight());
  }
}
