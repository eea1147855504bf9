package io.weir.runtime.operator.join;

import io.weir.common.data.Row;
import io.weir.state.serialization.RowSerializer;
import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * What {@link JoinOperator} keeps for one stored row of a side, the value of its map state entry.
 * Mutable: the operator changes a record it read and puts it back (a heap backend hands out its
 * own object, a binary one a copy; putting back serves both).
 */
final class JoinRecord {
  /**
   * The row when the map is keyed by the side's unique key; null when the map is keyed by the row
   * itself (no unique key known), which then needs no second copy.
   */
  final Row row;
  /** How many times the row is in the side (duplicates of a side without a unique key); else 1. */
  int count;
  /**
   * How many rows of the other side match this one (counting duplicates), kept only for a side
   * whose unmatched rows are emitted: the preserved side of an outer join, the left of SEMI/ANTI.
   * Only its moves between 0 and 1 matter: they switch the NULL-padded row (or the SEMI/ANTI
   * result) on and off.
   */
  long matches;
  /** The processing time of the last write, for state TTL; 0 without TTL. */
  long lastAccess;

  JoinRecord(Row row, int count, long matches, long lastAccess) {
    this.row = row;
    this.count = count;
    this.matches = matches;
    this.lastAccess = lastAccess;
  }

  /** The stored row, given the entry's user key (which is the row when no unique key is known). */
  Row rowOr(Row userKey) {
    return row != null ? row : userKey;
  }

  /** {@code hasRow:bool [row] | count:int | matches:long | lastAccess:long}. */
  static final class Serializer implements TypeSerializer<JoinRecord> {
    private final RowSerializer rows;
    private final String signature;

    Serializer(RowSerializer rows) {
      this.rows = rows;
      this.signature = "JOIN_RECORD<" + rows.signature() + ">";
    }

    @Override
    public void serialize(JoinRecord value, DataOutput out) throws IOException {
      out.writeBoolean(value.row != null);
      if (value.row != null) {
        rows.serialize(value.row, out);
      }
      out.writeInt(value.count);
      out.writeLong(value.matches);
      out.writeLong(value.lastAccess);
    }

    @Override
    public JoinRecord deserialize(DataInput in) throws IOException {
      Row row = in.readBoolean() ? rows.deserialize(in) : null;
      int count = in.readInt();
      long matches = in.readLong();
      return new JoinRecord(row, count, matches, in.readLong());
    }

    @Override
    public String signature() {
      return signature;
    }
  }
}
