package io.weir.state.internal;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * {@link DataInput} over a slice of a byte array, repointed with {@link #reset} instead of
 * allocating a stream per read; {@link #position()} tells where a value read ended, which is how
 * the RocksDB backend cuts a snapshot's entries into keys and values.
 */
public final class ByteArrayDataInput implements DataInput {
  private byte[] buf = new byte[0];
  private int pos;
  private int limit;

  public ByteArrayDataInput reset(byte[] bytes) {
    return reset(bytes, 0, bytes.length);
  }

  public ByteArrayDataInput reset(byte[] bytes, int offset, int length) {
    this.buf = bytes;
    this.pos = offset;
    this.limit = offset + length;
    return this;
  }

  public int position() {
    return pos;
  }

  public void position(int position) {
    if (position < 0 || position > limit) {
      throw new IllegalArgumentException("Position " + position + " is outside [0, " + limit + "]");
    }
    pos = position;
  }

  /** True if every byte up to the limit was read. */
  public boolean atEnd() {
    return pos >= limit;
  }

  private int need(int n) throws EOFException {
    if (pos + n > limit) {
      throw new EOFException("Needed " + n + " bytes at " + pos + " but the data ends at " + limit);
    }
    int at = pos;
    pos += n;
    return at;
  }

  @Override
  public void readFully(byte[] b) throws IOException {
    readFully(b, 0, b.length);
  }

  @Override
  public void readFully(byte[] b, int off, int len) throws IOException {
    System.arraycopy(buf, need(len), b, off, len);
  }

  @Override
  public int skipBytes(int n) {
    int skip = Math.max(0, Math.min(n, limit - pos));
    pos += skip;
    return skip;
  }

  @Override
  public boolean readBoolean() throws IOException {
    return buf[need(1)] != 0;
  }

  @Override
  public byte readByte() throws IOException {
    return buf[need(1)];
  }

  @Override
  public int readUnsignedByte() throws IOException {
    return buf[need(1)] & 0xFF;
  }

  @Override
  public short readShort() throws IOException {
    int at = need(2);
    return (short) (((buf[at] & 0xFF) << 8) | (buf[at + 1] & 0xFF));
  }

  @Override
  public int readUnsignedShort() throws IOException {
    return readShort() & 0xFFFF;
  }

  @Override
  public char readChar() throws IOException {
    return (char) readShort();
  }

  @Override
  public int readInt() throws IOException {
    return getInt(buf, need(4));
  }

  @Override
  public long readLong() throws IOException {
    return getLong(buf, need(8));
  }

  @Override
  public float readFloat() throws IOException {
    return Float.intBitsToFloat(readInt());
  }

  @Override
  public double readDouble() throws IOException {
    return Double.longBitsToDouble(readLong());
  }

  @Override
  public String readLine() {
    throw new UnsupportedOperationException("readLine is not supported");
  }

  @Override
  public String readUTF() throws IOException {
    return DataInputStream.readUTF(this);
  }

  /** The big-endian int at {@code offset} of {@code bytes}. */
  public static int getInt(byte[] bytes, int offset) {
    return ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16)
        | ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
  }

  /** The big-endian long at {@code offset} of {@code bytes}. */
  public static long getLong(byte[] bytes, int offset) {
    return ((long) getInt(bytes, offset) << 32) | (getInt(bytes, offset + 4) & 0xFFFFFFFFL);
  }
}
