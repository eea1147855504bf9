package io.weir.state.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A growable byte array written through {@link DataOutput}, reused across calls: how the RocksDB
 * backend builds keys and values without allocating per access. Unlike a {@link
 * DataOutputStream} over a {@link ByteArrayOutputStream} it is unsynchronised, can be truncated
 * back to a prefix (a key's {@code keyGroup | state | key} part is built once and a map's user
 * key appended to it), and big-endian like {@code DataOutput}, so fixed-width numbers sort.
 */
public final class ByteArrayDataOutput implements DataOutput {
  private byte[] buf;
  private int size;

  public ByteArrayDataOutput(int initialCapacity) {
    this.buf = new byte[Math.max(16, initialCapacity)];
  }

  /** The backing array; valid up to {@link #size()} until the next write. */
  public byte[] buffer() {
    return buf;
  }

  public int size() {
    return size;
  }

  public void reset() {
    size = 0;
  }

  /** Drops everything after the first {@code newSize} bytes. */
  public void truncate(int newSize) {
    if (newSize < 0 || newSize > size) {
      throw new IllegalArgumentException("Cannot truncate " + size + " bytes to " + newSize);
    }
    size = newSize;
  }

  /** A copy of the bytes written. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  /** A copy of bytes {@code [from, to)}. */
  public byte[] copy(int from, int to) {
    return Arrays.copyOfRange(buf, from, to);
  }

  /** Overwrites the int at {@code position} (e.g. a count written as a placeholder). */
  public void setInt(int position, int value) {
    buf[position] = (byte) (value >>> 24);
    buf[position + 1] = (byte) (value >>> 16);
    buf[position + 2] = (byte) (value >>> 8);
    buf[position + 3] = (byte) value;
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }

  @Override
  public void write(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b) {
    write(b, 0, b.length);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }

  @Override
  public void writeBoolean(boolean v) {
    write(v ? 1 : 0);
  }

  @Override
  public void writeByte(int v) {
    write(v);
  }

  @Override
  public void writeShort(int v) {
    ensure(2);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
  }

  @Override
  public void writeChar(int v) {
    writeShort(v);
  }

  @Override
  public void writeInt(int v) {
    ensure(4);
    setInt(size, v);
    size += 4;
  }

  @Override
  public void writeLong(long v) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buf[size++] = (byte) (v >>> shift);
    }
  }

  @Override
  public void writeFloat(float v) {
    writeInt(Float.floatToIntBits(v));
  }

  @Override
  public void writeDouble(double v) {
    writeLong(Double.doubleToLongBits(v));
  }

  @Override
  public void writeBytes(String s) {
    for (int i = 0; i < s.length(); i++) {
      write(s.charAt(i));
    }
  }

  @Override
  public void writeChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      writeChar(s.charAt(i));
    }
  }

  @Override
  public void writeUTF(String s) {
    // Modified UTF-8 with its length limit, exactly as DataOutputStream writes it.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length() + 2);
    try {
      new DataOutputStream(bytes).writeUTF(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    write(bytes.toByteArray());
  }
}
