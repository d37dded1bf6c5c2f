package io.kirincontract.mock.media.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Builds small ISO base media files box by box, to test readers on layouts JCodec does not write:
 * version 1 headers, distinct movie and media time scales, several time-to-sample entries,
 * QuickTime data handlers.
 */
final class IsoFileBuilder {

  private String majorBrand = "isom";
  private int version;
  private long movieTimescale = 1000;
  private long movieDuration = 4000;
  private long mediaTimescale = 90_000;
  private long[][] timeToSample = {{100, 3000}, {20, 3000}}; // 120 samples of 1/30 s
  private int width = 1280;
  private int height = 720;
  private boolean videoTrack = true;
  private boolean quickTimeDataHandler;
  private boolean sampleDescription = true;

  static IsoFileBuilder movie() {
    return new IsoFileBuilder();
  }

  IsoFileBuilder majorBrand(String brand) {
    this.majorBrand = brand;
    return this;
  }

  IsoFileBuilder version1() {
    this.version = 1;
    return this;
  }

  IsoFileBuilder movieTime(long timescale, long duration) {
    this.movieTimescale = timescale;
    this.movieDuration = duration;
    return this;
  }

  IsoFileBuilder mediaTimescale(long timescale) {
    this.mediaTimescale = timescale;
    return this;
  }

  IsoFileBuilder timeToSample(long[]... entries) {
    this.timeToSample = entries;
    return this;
  }

  IsoFileBuilder size(int width, int height) {
    this.width = width;
    this.height = height;
    return this;
  }

  IsoFileBuilder withoutVideoTrack() {
    this.videoTrack = false;
    return this;
  }

  /**
   * Adds a QuickTime data handler ({@code hdlr} of type {@code dhlr}/{@code alis}) inside {@code
   * minf}.
   */
  IsoFileBuilder withQuickTimeDataHandler() {
    this.quickTimeDataHandler = true;
    return this;
  }

  /** Leaves the sample description out, so the size must come from the track header. */
  IsoFileBuilder withoutSampleDescription() {
    this.sampleDescription = false;
    return this;
  }

  byte[] build() {
    byte[] ftyp =
        box(
            "ftyp",
            ascii(majorBrand),
            u32(0x200),
            ascii(majorBrand.equals("qt  ") ? "qt  " : "isommp42"));
    byte[] moov = videoTrack ? box("moov", mvhd(), trak()) : box("moov", mvhd(), soundTrak());
    byte[] mdat = box("mdat", new byte[64]);
    return concat(ftyp, moov, mdat);
  }

  private byte[] mvhd() {
    byte[] times = times(movieTimescale, movieDuration);
    return box("mvhd", new byte[] {(byte) version, 0, 0, 0}, times, new byte[80]);
  }

  private byte[] trak() {
    byte[] tkhd =
        box(
            "tkhd",
            new byte[] {(byte) version, 0, 0, 7},
            version == 1 ? new byte[32] : new byte[20],
            new byte[52],
            u32((long) width << 16),
            u32((long) height << 16));
    byte[] mdhd =
        box(
            "mdhd",
            new byte[] {(byte) version, 0, 0, 0},
            times(mediaTimescale, sampleTotal()),
            new byte[4]);
    byte[] hdlr = box("hdlr", new byte[4], ascii("mhlr"), ascii("vide"), new byte[13]);
    byte[] stbl = sampleDescription ? box("stbl", stsd(), stts()) : box("stbl", stts());
    byte[] minf =
        quickTimeDataHandler
            ? box(
                "minf",
                box("vmhd", new byte[12]),
                box("hdlr", new byte[4], ascii("dhlr"), ascii("alis"), new byte[13]),
                stbl)
            : box("minf", box("vmhd", new byte[12]), stbl);
    return box("trak", tkhd, box("mdia", mdhd, hdlr, minf));
  }

  private byte[] soundTrak() {
    byte[] mdhd = box("mdhd", new byte[4], times(44_100, 44_100 * 4L), new byte[4]);
    byte[] hdlr = box("hdlr", new byte[4], new byte[4], ascii("soun"), new byte[13]);
    return box("trak", box("mdia", mdhd, hdlr, box("minf", box("smhd", new byte[8]))));
  }

  private byte[] stsd() {
    byte[] entry =
        box(
            "avc1",
            new byte[6],
            u16(1),
            new byte[16],
            u16(width),
            u16(height),
            u32(0x00480000),
            u32(0x00480000),
            new byte[4],
            u16(1),
            new byte[32],
            u16(24),
            u16(0xffff));
    return box("stsd", new byte[4], u32(1), entry);
  }

  private byte[] stts() {
    ByteBuffer entries = ByteBuffer.allocate(timeToSample.length * 8);
    for (long[] entry : timeToSample) {
      entries.putInt((int) entry[0]).putInt((int) entry[1]);
    }
    return box("stts", new byte[4], u32(timeToSample.length), entries.array());
  }

  private long sampleTotal() {
    long total = 0;
    for (long[] entry : timeToSample) {
      total += entry[0] * entry[1];
    }
    return total;
  }

  /** Creation and modification times, time scale, duration: 32 or 64-bit by version. */
  private byte[] times(long timescale, long duration) {
    if (version == 1) {
      return concat(new byte[16], u32(timescale), ByteBuffer.allocate(8).putLong(duration).array());
    }
    return concat(new byte[8], u32(timescale), u32(duration));
  }

  static byte[] box(String type, byte[]... parts) {
    byte[] content = concat(parts);
    return concat(u32(8L + content.length), ascii(type), content);
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] u32(long value) {
    return ByteBuffer.allocate(4).putInt((int) value).array();
  }

  static byte[] u16(int value) {
    return ByteBuffer.allocate(2).putShort((short) value).array();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
