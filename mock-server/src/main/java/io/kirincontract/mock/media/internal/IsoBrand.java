package io.kirincontract.mock.media.internal;

import io.kirincontract.mock.media.VideoContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides MP4 or MOV from the {@code ftyp} box: major brand {@code qt } is QuickTime; an ISO/MP4
 * brand as major or compatible brand is MP4. Old QuickTime files without {@code ftyp} (starting
 * with {@code moov}, {@code mdat}, {@code wide}, {@code free}, {@code skip} or {@code pnot}) are
 * MOV.
 */
final class IsoBrand {

  static final String ACCEPTED = "only MP4 and MOV videos are accepted";

  private static final String QUICKTIME = "qt  ";
  private static final Set<String> MP4_BRANDS =
      Set.of(
          "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8", "iso9", "mp41", "mp42",
          "mp71", "avc1", "M4V ", "M4VH", "M4VP", "MSNV", "dash", "f4v ", "mmp4", "3gp4", "3gp5",
          "3gp6", "3g2a");
  private static final Set<String> IMAGE_BRANDS =
      Set.of("heic", "heix", "heim", "heis", "hevc", "mif1", "msf1", "avif", "avis");
  private static final Set<String> LEGACY_QUICKTIME_FIRST_BOXES =
      Set.of("moov", "mdat", "wide", "free", "skip", "pnot");

  private IsoBrand() {}

  /** The container, or an {@link UnreadableHeaderException} naming what the bytes are instead. */
  static VideoContainer containerOf(byte[] bytes) {
    if (bytes.length < 8) {
      throw new UnreadableHeaderException(ContentSniffer.describe(bytes) + "; " + ACCEPTED);
    }
    IsoBoxes boxes = new IsoBoxes(bytes);
    String firstType = boxes.fourCc(4);
    if (!firstType.equals("ftyp")) {
      if (LEGACY_QUICKTIME_FIRST_BOXES.contains(firstType)) {
        return VideoContainer.MOV;
      }
      throw new UnreadableHeaderException(ContentSniffer.describe(bytes) + "; " + ACCEPTED);
    }
    IsoBox ftyp = boxes.first();
    List<String> brands = brands(boxes, ftyp);
    String major = brands.get(0);
    if (major.equals(QUICKTIME)) {
      return VideoContainer.MOV;
    }
    if (IMAGE_BRANDS.contains(major)) {
      throw new UnreadableHeaderException(
          "HEIF/AVIF image (brand '" + major.strip() + "'), not a video; " + ACCEPTED);
    }
    if (brands.stream().anyMatch(MP4_BRANDS::contains)) {
      return VideoContainer.MP4;
    }
    if (brands.contains(QUICKTIME)) {
      return VideoContainer.MOV;
    }
    throw new UnreadableHeaderException(
        "ISO media file of an unsupported kind (brands " + brands + "); " + ACCEPTED);
  }

  private static List<String> brands(IsoBoxes boxes, IsoBox ftyp) {
    if (ftyp.contentLength() < 8) {
      throw new UnreadableHeaderException("corrupt video: its 'ftyp' box is too short");
    }
    List<String> brands = new ArrayList<>();
    brands.add(boxes.fourCc(ftyp.contentStart()));
    for (int at = ftyp.contentStart() + 8; at + 4 <= ftyp.end(); at += 4) {
      brands.add(boxes.fourCc(at));
    }
    return brands;
  }
}
