package io.weir.runtime.operator.aggregate;

import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The serializer of one accumulator class, seen as a {@code TypeSerializer<Object>} as {@link
 * AggregateFunction#accumulatorSerializer()} requires. The signature names the function and the
 * argument's binary format (e.g. {@code MINMAX_ACC<BIGINT>}), so a savepoint restored into a query
 * whose aggregate changed fails with both names instead of reading garbage.
 */
abstract class AccumulatorSerializer<A> implements TypeSerializer<Object> {
  private final String signature;

  AccumulatorSerializer(String signature) {
    this.signature = signature;
  }

  abstract void write(A accumulator, DataOutput out) throws IOException;

  abstract A read(DataInput in) throws IOException;

  @Override
  @SuppressWarnings("unchecked")
  public final void serialize(Object value, DataOutput out) throws IOException {
    write((A) value, out);
  }

  @Override
  public final Object deserialize(DataInput in) throws IOException {
    return read(in);
  }

  @Override
  public final String signature() {
    return signature;
  }

  @Override
  public String toString() {
    return "Serializer(" + signature + ")";
  }

  /** Writes a presence flag, then {@code value} if present. */
  static void writeNullable(TypeSerializer<Object> serializer, Object value, DataOutput out) throws IOException {
    if (value == null) {
      out.writeBoolean(false);
    } else {
      out.writeBoolean(true);
      serializer.serialize(value, out);
    }
  }

  static Object readNullable(TypeSerializer<Object> serializer, DataInput in) throws IOException {
    return in.readBoolean() ? serializer.deserialize(in) : null;
  }
}
