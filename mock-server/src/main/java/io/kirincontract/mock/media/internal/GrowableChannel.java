package io.kirincontract.mock.media.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.jcodec.common.io.SeekableByteChannel;

/**
 * An in-memory seekable channel for JCodec's muxer, so that synthetic videos never touch the file
 * system.
 */
final class GrowableChannel implements SeekableByteChannel {

  private byte[] data;
  private int size;
  private int position;
  private boolean open = true;

  GrowableChannel(int initialCapacity) {
    this.data = new byte[Math.max(initialCapacity, 1024)];
  }

  /** A copy of everything written. */
  byte[] toByteArray() {
    return Arrays.copyOf(data, size);
  }

  @Override
  public int write(ByteBuffer source) {
    int length = source.remaining();
    ensureCapacity(position + length);
    source.get(data, position, length);
    position += length;
    size = Math.max(size, position);
    return length;
  }

  @Override
  public int read(ByteBuffer target) {
    if (position >= size) {
      return -1;
    }
    int length = Math.min(target.remaining(), size - position);
    target.put(data, position, length);
    position += length;
    return length;
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public SeekableByteChannel setPosition(long newPosition) {
    if (newPosition < 0 || newPosition > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("position out of range: " + newPosition);
    }
    position = (int) newPosition;
    return this;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public SeekableByteChannel truncate(long newSize) {
    if (newSize < size) {
      size = (int) Math.max(0, newSize);
      position = Math.min(position, size);
    }
    return this;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
  }

  private void ensureCapacity(int needed) {
    if (needed > data.length) {
      data = Arrays.copyOf(data, Math.max(needed, data.length * 2));
    }
  }
}
