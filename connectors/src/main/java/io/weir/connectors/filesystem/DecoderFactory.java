package io.weir.connectors.filesystem;

import io.weir.common.data.Row;
import io.weir.common.types.RowType;
import io.weir.formats.ProjectableFormat;
import io.weir.runtime.format.FormatException;
import io.weir.runtime.format.FormatFactory;
import io.weir.runtime.format.RowDecoder;
import java.util.Map;

/**
 * Makes a decoder per reader that produces rows of the read fields only: through the format itself
 * when it is a {@link ProjectableFormat}, otherwise by decoding every field and projecting after.
 */
final class DecoderFactory {
  private final FormatFactory format;
  private final RowType physicalType;
  private final int[] projection;
  private final Map<String, String> formatOptions;

  DecoderFactory(FormatFactory format, RowType physicalType, int[] projection, Map<String, String> formatOptions) {
    this.format = format;
    this.physicalType = physicalType;
    this.projection = projection;
    this.formatOptions = formatOptions;
  }

  RowDecoder create() {
    if (format instanceof ProjectableFormat p) {
      return p.createDecoder(physicalType, projection, formatOptions);
    }
    RowDecoder full = format.createDecoder(physicalType, formatOptions);
    if (isIdentity()) {
      return full;
    }
    return new RowDecoder() {
      @Override
      public Row decode(byte[] record, int offset, int length) throws FormatException {
        Row row = full.decode(record, offset, length);
        return row == null ? null : project(row);
      }

      @Override
      public boolean decode(byte[] record, int offset, int length, java.util.function.Consumer<Row> out)
          throws FormatException {
        return full.decode(record, offset, length, row -> out.accept(project(row)));
      }
    };
  }

  private Row project(Row row) {
    Object[] values = new Object[projection.length];
    for (int i = 0; i < projection.length; i++) {
      values[i] = row.field(projection[i]);
    }
    return Row.ofKind(row.kind(), values);
  }

  private boolean isIdentity() {
    if (projection.length != physicalType.arity()) {
      return false;
    }
    for (int i = 0; i < projection.length; i++) {
      if (projection[i] != i) {
        return false;
      }
    }
    return true;
  }
}
