package io.weir.connectors.filesystem;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a stream line by line as bytes, without decoding: a line ends at {@code \n}, and a {@code
 * \r} before it is dropped; a UTF-8 byte order mark at the start is dropped. The current line lives
 * in {@link #buffer()} and is overwritten by the next call.
 */
final class LineReader implements Closeable {
  private static final byte[] CRLF = {'\r', '\n'};

  private final InputStream in;
  private final byte[] chunk = new byte[64 * 1024];
  private int position;
  private int limit;
  private boolean endOfStream;
  private byte[] line = new byte[1024];
  private int length;
  private long lineNumber;
  /** Whether a {@code \r} was dropped from the end of the current line. */
  private boolean droppedCr;

  LineReader(InputStream in) {
    this.in = in;
  }

  byte[] buffer() {
    return line;
  }

  int length() {
    return length;
  }

  /** 1-based number of the last line read. */
  long lineNumber() {
    return lineNumber;
  }

  /**
   * Reads the next line.
   *
   * @param append keep the current line and add {@code \n} plus the next line to it, for a record
   *     that spans lines
   * @return false at the end of the stream, with nothing read
   */
  boolean next(boolean append) throws IOException {
    int start = append ? length : 0;
    if (!append) {
      length = 0;
    }
    boolean any = false;
    while (true) {
      if (position == limit) {
        if (endOfStream || !fill()) {
          break;
        }
      }
      any = true;
      int newline = -1;
      for (int i = position; i < limit; i++) {
        if (chunk[i] == '\n') {
          newline = i;
          break;
        }
      }
      int end = newline < 0 ? limit : newline;
      if (append && length == start) {
        // The line break belongs to the record: put it back as it was in the file.
        if (droppedCr) {
          add(CRLF, 0, 2);
        } else {
          add(CRLF, 1, 1);
        }
      }
      add(chunk, position, end - position);
      position = newline < 0 ? limit : newline + 1;
      if (newline >= 0) {
        break;
      }
    }
    if (!any) {
      return false;
    }
    lineNumber++;
    int lineStart = append ? start : 0;
    droppedCr = length > lineStart && line[length - 1] == '\r';
    if (droppedCr) {
      length--;
    }
    if (lineNumber == 1 && length >= 3
        && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
      System.arraycopy(line, 3, line, 0, length - 3);
      length -= 3;
    }
    return true;
  }

  private boolean fill() throws IOException {
    int n = in.read(chunk);
    if (n <= 0) {
      endOfStream = true;
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  private void add(byte[] src, int offset, int count) {
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
    }
    System.arraycopy(src, offset, line, length, count);
    length += count;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
