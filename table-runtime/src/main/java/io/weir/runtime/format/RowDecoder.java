package io.weir.runtime.format;

import io.weir.common.data.Row;
import java.util.function.Consumer;

/**
 * Turns one record (a line, a message) into rows. One instance per reader, called only on that
 * reader's thread; not thread-safe.
 *
 * <p>Most formats turn a record into one row and implement only {@link #decode(byte[], int, int)}.
 * A changelog format ({@code debezium-json}) turns one record into several rows, or none, and
 * overrides {@link #decode(byte[], int, int, Consumer)}; a reader that may be given such a format
 * calls that method.
 */
public interface RowDecoder {

  /**
   * Decodes one record.
   *
   * @return the row, or {@code null} when the record is malformed and the format was told to skip
   *     such records (the caller counts it)
   * @throws FormatException when the record is malformed; its message names the field
   */
  Row decode(byte[] record, int offset, int length) throws FormatException;

  /**
   * Decodes one record into the rows it stands for, handing them to {@code out} in order, e.g. an
   * update as {@code -U} (the row before) then {@code +U} (the row after). Rows are handed over
   * only once the whole record has been read, so a malformed record hands over none.
   *
   * <p>{@code record} may be {@code null} for a message without a value (a Kafka tombstone) when
   * the format says what that means: {@code raw} reads it as a NULL value, {@code debezium-json}
   * as no row at all.
   *
   * @return {@code false} when the record is malformed and the format was told to skip such
   *     records (the caller counts it); {@code true} otherwise, also for a record that stands for
   *     no row
   * @throws FormatException when the record is malformed; its message names the field
   */
  default boolean decode(byte[] record, int offset, int length, Consumer<Row> out) throws FormatException {
    Row row = decode(record, offset, length);
    if (row == null) {
      return false;
    }
    out.accept(row);
    return true;
  }

  /** Decodes a whole array; a {@code null} record is passed on as one, with length 0. */
  default Row decode(byte[] record) throws FormatException {
    return decode(record, 0, record == null ? 0 : record.length);
  }
}
