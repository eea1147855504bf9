package io.weir.runtime.format;

import io.weir.common.data.Row;

/** Turns a row into one record. One instance per writer; not thread-safe. */
public interface RowEncoder {

  /**
   * The record of {@code row}; {@code null} only from a format that writes a NULL value as a
   * message without a value ({@code raw}), which a file writer cannot store.
   */
  byte[] encode(Row row);
}
