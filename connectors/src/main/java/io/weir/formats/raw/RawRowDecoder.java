package io.weir.formats.raw;

import io.weir.common.data.Row;
import io.weir.formats.internal.TypeNames;
import io.weir.runtime.format.FormatException;
import io.weir.runtime.format.RowDecoder;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads a record as the value of the table's single column. A {@code null} record (a Kafka message
 * without a value) is NULL; an empty one is an empty STRING or BYTES value. A number or BOOLEAN
 * whose record has the wrong length is an error, as is a BOOLEAN byte other than 0 or 1.
 */
final class RawRowDecoder implements RowDecoder {
  /** Bytes of a bad record shown in a message, in hex. */
  private static final int SHOWN_BYTES = 16;

  private final RawValueType type;
  private final RawFormatOptions options;

  RawRowDecoder(RawValueType type, RawFormatOptions options) {
    this.type = type;
    this.options = options;
  }

  @Override
  public Row decode(byte[] record, int offset, int length) throws FormatException {
    return Row.of(record == null ? null : value(record, offset, length));
  }

  private Object value(byte[] record, int offset, int length) throws FormatException {
    if (type.width() > 0 && length != type.width()) {
      throw new FormatException(
          "Failed to deserialize raw value " + hex(record, offset, length) + " of column '" + type.column()
              + "': expected " + TypeNames.of(type.type()) + " as " + type.width() + " byte"
              + (type.width() == 1 ? "" : "s, " + options.endianness()) + ", but found " + length + " byte"
              + (length == 1 ? "" : "s"));
    }
    ByteBuffer bytes = ByteBuffer.wrap(record, offset, length).order(options.byteOrder());
    return switch (type.type().root()) {
      case CHAR, VARCHAR -> new String(record, offset, length, options.charset());
      case BINARY, VARBINARY -> Arrays.copyOfRange(record, offset, offset + length);
      case BOOLEAN -> {
        byte b = record[offset];
        if (b != 0 && b != 1) {
          throw new FormatException(
              "Failed to deserialize raw value " + hex(record, offset, length) + " of column '"
                  + type.column() + "': expected BOOLEAN as the byte 0 (false) or 1 (true)");
        }
        yield b == 1;
      }
      case TINYINT -> record[offset];
      case SMALLINT -> bytes.getShort();
      case INTEGER -> bytes.getInt();
      case BIGINT -> bytes.getLong();
      case FLOAT -> bytes.getFloat();
      case DOUBLE -> bytes.getDouble();
      default -> throw new IllegalStateException("unchecked raw type " + type.type());
    };
  }

  /** {@code 0x0102ff}, cut after {@link #SHOWN_BYTES} bytes with {@code ...}. */
  private static String hex(byte[] record, int offset, int length) {
    StringBuilder sb = new StringBuilder("0x");
    for (int i = 0; i < Math.min(length, SHOWN_BYTES); i++) {
      sb.append(Character.forDigit((record[offset + i] >> 4) & 0xf, 16))
          .append(Character.forDigit(record[offset + i] & 0xf, 16));
    }
    return length > SHOWN_BYTES ? sb + "..." : length == 0 ? "(empty)" : sb.toString();
  }
}
