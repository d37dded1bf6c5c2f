package io.kirincontract.mock.media.internal;

/**
 * One box (QuickTime "atom") of an ISO base media file, located in a byte array: {@code start} is
 * the offset of its size field, {@code contentStart} the offset after its header, {@code end} the
 * offset after its last byte.
 */
record IsoBox(String type, int start, int contentStart, int end) {

  int contentLength() {
    return end - contentStart;
  }
}
