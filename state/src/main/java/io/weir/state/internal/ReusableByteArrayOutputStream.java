package io.weir.state.internal;

import java.io.ByteArrayOutputStream;

/** A byte buffer whose contents can be written on without copying them first. */
public final class ReusableByteArrayOutputStream extends ByteArrayOutputStream {
  public ReusableByteArrayOutputStream(int initialSize) {
    super(initialSize);
  }

  /** The backing array; valid up to {@link #size()} until the next write. */
  public byte[] buffer() {
    return buf;
  }
}
