package io.weir.formats.raw;

import io.weir.common.types.RowType;
import io.weir.runtime.format.FormatFactory;
import io.weir.runtime.format.RowDecoder;
import io.weir.runtime.format.RowEncoder;
import java.util.Map;
import java.util.Set;

/**
 * The {@code raw} format: a record is the bytes of the table's single column, as in Flink — text in
 * {@code raw.charset} (default UTF-8) for STRING, the bytes themselves for BYTES, a byte for BOOLEAN
 * and TINYINT, and two, four or eight bytes in {@code raw.endianness} (default {@code big-endian})
 * for SMALLINT, INT, BIGINT, FLOAT and DOUBLE. A NULL value is a message without a value.
 */
public final class RawFormatFactory implements FormatFactory {

  @Override
  public String identifier() {
    return "raw";
  }

  @Override
  public Set<String> optionalOptions() {
    return RawFormatOptions.ALL;
  }

  @Override
  public RowDecoder createDecoder(RowType type, Map<String, String> formatOptions) {
    return new RawRowDecoder(RawValueType.of(type), RawFormatOptions.parse(formatOptions));
  }

  @Override
  public RowEncoder createEncoder(RowType type, Map<String, String> formatOptions) {
    return new RawRowEncoder(RawValueType.of(type), RawFormatOptions.parse(formatOptions));
  }
}
