package io.kirincontract.mock.media.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A small reader of ISO base media (MP4, MOV) box structure over bytes in memory. Every box size is
 * checked against its parent, so a truncated or corrupt file is reported instead of read past its
 * end.
 */
final class IsoBoxes {

  /**
   * Boxes whose content is a list of boxes. {@code meta} is handled apart (ISO adds 4 bytes before
   * its list).
   */
  private static final Set<String> CONTAINERS =
      Set.of(
          "moov", "trak", "mdia", "minf", "stbl", "edts", "dinf", "udta", "mvex", "moof", "traf",
          "tref");

  private final byte[] data;

  IsoBoxes(byte[] data) {
    this.data = data;
  }

  byte[] data() {
    return data;
  }

  /** The first top-level box, without reading further. */
  IsoBox first() {
    return boxAt(0, data.length);
  }

  /** The top-level boxes. */
  List<IsoBox> topLevel() {
    return list(0, data.length);
  }

  /** The boxes inside {@code parent}. */
  List<IsoBox> children(IsoBox parent) {
    int from = parent.contentStart();
    if (parent.type().equals("meta") && !isBoxTypeAt(from + 4)) {
      from += 4; // ISO FullBox: version and flags come first
    }
    return list(from, parent.end());
  }

  /** The first child of {@code parent} with the given type. */
  Optional<IsoBox> child(IsoBox parent, String type) {
    return children(parent).stream().filter(box -> box.type().equals(type)).findFirst();
  }

  /** The first top-level box of the given type. */
  Optional<IsoBox> top(String type) {
    return topLevel().stream().filter(box -> box.type().equals(type)).findFirst();
  }

  /** Walks every container box, so that any box whose size does not fit its parent is reported. */
  void checkStructure() {
    for (IsoBox box : topLevel()) {
      checkTree(box, 0);
    }
  }

  private void checkTree(IsoBox box, int depth) {
    if (depth > 16) {
      throw new UnreadableHeaderException("corrupt video: boxes are nested too deeply");
    }
    if (CONTAINERS.contains(box.type()) || box.type().equals("meta")) {
      for (IsoBox child : children(box)) {
        checkTree(child, depth + 1);
      }
    }
  }

  private List<IsoBox> list(int from, int to) {
    List<IsoBox> boxes = new ArrayList<>();
    int offset = from;
    while (offset < to) {
      IsoBox box = boxAt(offset, to);
      boxes.add(box);
      offset = box.end();
    }
    return boxes;
  }

  private IsoBox boxAt(int offset, int limit) {
    if (limit - offset < 8) {
      throw truncated("a box header", offset, 8, limit - offset);
    }
    long size = u32(offset);
    String type = fourCc(offset + 4);
    int header = 8;
    if (size == 1) {
      if (limit - offset < 16) {
        throw truncated("the header of box '" + type + "'", offset, 16, limit - offset);
      }
      size = u64(offset + 8);
      header = 16;
    } else if (size == 0) {
      size = limit - offset; // extends to the end of its parent
    }
    if (size < header) {
      throw new UnreadableHeaderException(
          "corrupt video: box '"
              + printable(type)
              + "' at offset "
              + offset
              + " has an invalid size "
              + size);
    }
    if (size > limit - offset) {
      throw truncated("box '" + printable(type) + "'", offset, size, limit - offset);
    }
    return new IsoBox(type, offset, offset + header, (int) (offset + size));
  }

  private static UnreadableHeaderException truncated(
      String what, int offset, long needed, long available) {
    return new UnreadableHeaderException(
        "truncated or corrupt video: "
            + what
            + " at offset "
            + offset
            + " needs "
            + needed
            + " bytes but only "
            + available
            + " remain");
  }

  private boolean isBoxTypeAt(int offset) {
    if (offset + 4 > data.length) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      int c = data[offset + i] & 0xff;
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /** Unsigned big-endian 8, 16, 32 and 64-bit reads, bounds-checked. */
  int u8(int offset) {
    check(offset, 1);
    return data[offset] & 0xff;
  }

  int u16(int offset) {
    check(offset, 2);
    return ((data[offset] & 0xff) << 8) | (data[offset + 1] & 0xff);
  }

  long u32(int offset) {
    check(offset, 4);
    return ((long) (data[offset] & 0xff) << 24)
        | ((data[offset + 1] & 0xff) << 16)
        | ((data[offset + 2] & 0xff) << 8)
        | (data[offset + 3] & 0xff);
  }

  long u64(int offset) {
    long high = u32(offset);
    long low = u32(offset + 4);
    if (high > Integer.MAX_VALUE) {
      throw new UnreadableHeaderException(
          "corrupt video: a 64-bit field at offset " + offset + " is too large");
    }
    return (high << 32) | low;
  }

  String fourCc(int offset) {
    check(offset, 4);
    return new String(data, offset, 4, StandardCharsets.ISO_8859_1);
  }

  private void check(int offset, int length) {
    if (offset < 0 || offset + length > data.length) {
      throw new UnreadableHeaderException(
          "truncated or corrupt video: a field at offset "
              + offset
              + " lies beyond the end of the data");
    }
  }

  private static String printable(String fourCc) {
    StringBuilder out = new StringBuilder();
    for (char c : fourCc.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return out.toString();
  }
}
