package io.weir.formats.raw;

import io.weir.common.data.Row;
import io.weir.runtime.format.RowEncoder;
import java.nio.ByteBuffer;

/**
 * Writes the value of the table's single column as the record's bytes; a NULL value as {@code
 * null}, a message without a value (which an upsert-kafka sink would read back as a delete).
 */
final class RawRowEncoder implements RowEncoder {
  private final RawValueType type;
  private final RawFormatOptions options;

  RawRowEncoder(RawValueType type, RawFormatOptions options) {
    this.type = type;
    this.options = options;
  }

  @Override
  public byte[] encode(Row row) {
    Object v = row.field(0);
    if (v == null) {
      return null;
    }
    return switch (type.type().root()) {
      case CHAR, VARCHAR -> ((String) v).getBytes(options.charset());
      case BINARY, VARBINARY -> (byte[]) v;
      case BOOLEAN -> new byte[] {(byte) ((Boolean) v ? 1 : 0)};
      case TINYINT -> new byte[] {(Byte) v};
      case SMALLINT -> buffer().putShort((Short) v).array();
      case INTEGER -> buffer().putInt((Integer) v).array();
      case BIGINT -> buffer().putLong((Long) v).array();
      case FLOAT -> buffer().putFloat((Float) v).array();
      case DOUBLE -> buffer().putDouble((Double) v).array();
      default -> throw new IllegalStateException("unchecked raw type " + type.type());
    };
  }

  private ByteBuffer buffer() {
    return ByteBuffer.allocate(type.width()).order(options.byteOrder());
  }
}
