package io.weir.runtime.format;

import io.weir.common.data.Row;

/** Turns a row into one record. One instance per writer; not thread-safe. */
public interface RowEncoder {
  byte[] encode(Row row);
}
