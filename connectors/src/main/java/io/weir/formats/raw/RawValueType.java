package io.weir.formats.raw;

import io.weir.common.error.WeirException;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;

/**
 * The single column a {@code raw} table must have, and how many bytes its values take.
 *
 * @param width the bytes of a value, or -1 for text and bytes of any length
 */
record RawValueType(String column, LogicalType type, int width) {

  static RawValueType of(RowType table) {
    if (table.arity() != 1) {
      throw new WeirException(
          "The 'raw' format reads and writes a single column, but the table has " + table.arity()
              + ": " + table + ". Use a format with fields, such as 'json' or 'csv'.");
    }
    LogicalType type = table.type(0);
    int width = switch (type.root()) {
      case CHAR, VARCHAR, BINARY, VARBINARY -> -1;
      case BOOLEAN, TINYINT -> 1;
      case SMALLINT -> 2;
      case INTEGER, FLOAT -> 4;
      case BIGINT, DOUBLE -> 8;
      default -> throw new WeirException(
          "The 'raw' format does not support type " + type.asSummaryString() + " (column '"
              + table.name(0) + "'); it supports STRING, BYTES, BOOLEAN, TINYINT, SMALLINT, INT,"
              + " BIGINT, FLOAT and DOUBLE.");
    };
    return new RawValueType(table.name(0), type, width);
  }
}
