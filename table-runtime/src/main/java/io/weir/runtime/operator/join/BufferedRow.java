package io.weir.runtime.operator.join;

import io.weir.common.data.Row;
import io.weir.state.serialization.RowSerializer;
import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A row {@link IntervalJoinOperator} keeps until no future row of the other side can match it,
 * with whether it has matched yet: an outer join pads, and an ANTI join emits, only rows that never
 * did; a SEMI join emits a left row on its first match only. Mutable, put back after a change.
 */
final class BufferedRow {
  final Row row;
  boolean matched;

  BufferedRow(Row row, boolean matched) {
    this.row = row;
    this.matched = matched;
  }

  /** {@code row | matched:bool}. */
  static final class Serializer implements TypeSerializer<BufferedRow> {
    private final RowSerializer rows;
    private final String signature;

    Serializer(RowSerializer rows) {
      this.rows = rows;
      this.signature = "BUFFERED_ROW<" + rows.signature() + ">";
    }

    @Override
    public void serialize(BufferedRow value, DataOutput out) throws IOException {
      rows.serialize(value.row, out);
      out.writeBoolean(value.matched);
    }

    @Override
    public BufferedRow deserialize(DataInput in) throws IOException {
      Row row = rows.deserialize(in);
      return new BufferedRow(row, in.readBoolean());
    }

    @Override
    public String signature() {
      return signature;
    }
  }
}
