package io.weir.runtime.format;

import io.weir.common.data.Row;

/** Turns one record (a line, a message) into a row. One instance per reader; not thread-safe. */
public interface RowDecoder {

  /**
   * Decodes one record.
   *
   * @return the row, or {@code null} when the record is malformed and the format was told to skip
   *     such records (the caller counts it)
   * @throws FormatException when the record is malformed; its message names the field
   */
  Row decode(byte[] record, int offset, int length) throws FormatException;

  default Row decode(byte[] record) throws FormatException {
    return decode(record, 0, record.length);
  }
}
