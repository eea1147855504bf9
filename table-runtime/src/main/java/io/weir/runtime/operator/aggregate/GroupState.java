package io.weir.runtime.operator.aggregate;

import io.weir.common.data.Row;
import io.weir.state.serialization.RowSerializer;
import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Everything {@link GroupAggOperator} keeps per group, in one state value so a row costs one state
 * read and one write: the accumulators, how many input rows the group holds (to know when it
 * empties), the row last emitted for it (to retract it and to skip unchanged results), and for
 * state TTL the last access time and the pending cleanup timer.
 */
final class GroupState {
  static final long NO_TIMER = Long.MIN_VALUE;

  final Object[] accumulators;
  long rowCount;
  /** The last row emitted for the group (keys then values), or null before the first. */
  Row previous;
  long lastAccess;
  long cleanupTimer = NO_TIMER;

  GroupState(Object[] accumulators) {
    this.accumulators = accumulators;
  }

  static final class Serializer implements TypeSerializer<GroupState> {
    private final TypeSerializer<Object[]> accumulators;
    private final RowSerializer rows;
    private final String signature;

    Serializer(TypeSerializer<Object[]> accumulators, RowSerializer rows) {
      this.accumulators = accumulators;
      this.rows = rows;
      this.signature = "GROUP_AGG<" + accumulators.signature() + ", " + rows.signature() + ">";
    }

    @Override
    public void serialize(GroupState value, DataOutput out) throws IOException {
      accumulators.serialize(value.accumulators, out);
      out.writeLong(value.rowCount);
      out.writeBoolean(value.previous != null);
      if (value.previous != null) {
        rows.serialize(value.previous, out);
      }
      out.writeLong(value.lastAccess);
      out.writeLong(value.cleanupTimer);
    }

    @Override
    public GroupState deserialize(DataInput in) throws IOException {
      GroupState state = new GroupState(accumulators.deserialize(in));
      state.rowCount = in.readLong();
      if (in.readBoolean()) {
        state.previous = rows.deserialize(in);
      }
      state.lastAccess = in.readLong();
      state.cleanupTimer = in.readLong();
      return state;
    }

    @Override
    public String signature() {
      return signature;
    }
  }
}
